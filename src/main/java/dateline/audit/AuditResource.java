package dateline.audit;

import dateline.common.page.Page;
import dateline.common.problem.InvalidParameter;
import dateline.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit log, for admins. */
@Path("/api/v1/manage/audit")
@Tag(name = "Audit log", description = "Who changed what through the management API, and how it ended (ADMIN)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.Names.ADMIN)
public class AuditResource {
    private final AuditLog log;

    AuditResource(AuditLog log) {
        this.log = log;
    }

    @GET
    @Operation(summary = "List management writes, newest first, by actor, target and time")
    public Page<AuditEntryView> listAuditEntries(
            @Parameter(description = "Only this token name") @QueryParam("actor") @Size(max = 100) String actor,
            @Parameter(description = "Only this target id") @QueryParam("target") @Size(max = 200) String target,
            @Parameter(description = "From this instant (inclusive), ISO-8601") @QueryParam("since") String since,
            @Parameter(description = "Before this instant, ISO-8601") @QueryParam("until") String until,
            @Parameter(description = "Items per page (1-100)") @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @Parameter(description = "Cursor from page.next of the previous page") @QueryParam("cursor") String cursor) {
        return log.page(actor, target, instant("since", since), instant("until", until), cursor, limit);
    }

    private static Instant instant(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidParameter(name, "must be an ISO-8601 instant such as 2026-01-05T09:00:00Z");
        }
    }
}
