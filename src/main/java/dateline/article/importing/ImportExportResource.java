package dateline.article.importing;

import dateline.article.Article;
import dateline.article.ArticleRepository;
import dateline.edit.EditHeaders;
import dateline.security.Role;
import jakarta.annotation.security.RolesAllowed;
import com.fasterxml.jackson.databind.ObjectMapper;
import dateline.common.problem.Problem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Bulk moves of content in and out of Dateline, as NDJSON: one article per line. */
@Path("/api/v1/manage")
@Tag(name = "Import and export", description = "Move articles in and out as NDJSON, one article per line")
@RolesAllowed(Role.Names.VIEWER)
public class ImportExportResource {
    public static final String NDJSON = "application/x-ndjson";
    private static final int EXPORT_PAGE = 500;

    private final ArticleImport importer;
    private final ArticleRepository articles;
    private final ObjectMapper json;

    ImportExportResource(ArticleImport importer, ArticleRepository articles, ObjectMapper json) {
        this.importer = importer;
        this.articles = articles;
        this.json = json;
    }

    @POST
    @Path("import")
    @Consumes(NDJSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RequestBody(content = @Content(mediaType = NDJSON, schema = @Schema(implementation = ArticleRecord.class),
            examples = @ExampleObject(name = "two lines", value = "{\"externalId\":\"legacy:1\",\"title\":\"Baku responds\",\"section\":\"world\",\"tags\":[\"azerbaijan\"],\"status\":\"PUBLISHED\",\"publishedAt\":\"2025-10-17T12:00:00Z\"}\n"
                    + "{\"externalId\":\"legacy:2\",\"title\":\"Moscow replies\",\"body\":\"<p>Text</p>\"}")))
    @Operation(summary = "Import articles from NDJSON, streamed; idempotent by externalId; a report per line")
    @APIResponse(responseCode = "200", description = "The report: valid lines are stored even when others are rejected",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "415", description = "The body is not application/x-ndjson",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @RolesAllowed(Role.Names.EDITOR)
    public ImportReport importArticles(InputStream body,
            @Parameter(description = "Create sections, tags and authors named by slug that do not exist yet")
            @QueryParam("createMissing") @DefaultValue("false") boolean createMissing,
            @Parameter(description = "Check and report every line, store nothing")
            @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
            @Valid @BeanParam EditHeaders edit) throws IOException {
        return importer.run(body, createMissing, dryRun, edit.toEdit());
    }

    @GET
    @Path("export")
    @Produces(NDJSON)
    @Operation(summary = "Export every article not in the trash (all states, related lists, externalId) as NDJSON, streamed")
    @APIResponse(responseCode = "200", description = "One ArticleRecord per line, oldest created first",
            content = @Content(mediaType = NDJSON, schema = @Schema(implementation = ArticleRecord.class)))
    public StreamingOutput exportArticles() {
        return this::export;
    }

    private void export(OutputStream out) throws IOException {
        Position after = new Position(Instant.EPOCH.minusSeconds(1), new UUID(0, 0));
        while (after != null) {
            Position from = after;
            // A page per transaction, nothing kept between pages: memory stays flat however large the archive.
            ExportPage page = QuarkusTransaction.requiringNew().call(() -> {
                List<Article> rows = articles.find("trashedAt is null and createdAt >= ?1 and (createdAt > ?1 or (createdAt = ?1 and id > ?2))"
                        + " order by createdAt, id", from.at(), from.id()).range(0, EXPORT_PAGE - 1).list();
                Article last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
                return new ExportPage(rows.stream().map(ArticleRecord::of).toList(),
                        rows.size() < EXPORT_PAGE ? null : new Position(last.createdAt, last.id));
            });
            for (ArticleRecord record : page.records()) {
                out.write(json.writeValueAsBytes(record));
                out.write('\n');
            }
            out.flush();
            after = page.next();
        }
    }

    private record Position(Instant at, UUID id) {
    }

    private record ExportPage(List<ArticleRecord> records, Position next) {
    }
}
