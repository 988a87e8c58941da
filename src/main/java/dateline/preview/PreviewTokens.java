package dateline.preview;

import dateline.common.problem.NotFound;
import dateline.common.problem.ProblemException;
import dateline.common.problem.ProblemType;
import dateline.common.secret.SharedSecrets;
import dateline.config.DatelineConfig;
import dateline.edit.Edit;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues, lists, revokes and checks draft preview tokens. The token text is signed with a key every
 * instance shares, so any instance can read it; revocation is a row every instance reads on each preview
 * request. A token that fails any check is no token: delivery then answers as it would anyone.
 */
@ApplicationScoped
@Startup // reads or makes the shared key at start, not in the first preview request
public class PreviewTokens {
    private final PreviewSignature signature;
    private final Clock clock;
    private final Duration ttl;
    private final Optional<String> urlTemplate;

    PreviewTokens(SharedSecrets secrets, Clock clock, DatelineConfig config) {
        this.signature = new PreviewSignature(secrets.named("preview"));
        this.clock = clock;
        this.ttl = config.preview().ttl();
        this.urlTemplate = config.preview().urlTemplate().filter(t -> !t.isBlank());
    }

    /** A token for one article ({@code slug} goes into its URL), or for every article when {@code article} is null. */
    @Transactional
    public CreatedPreview issue(UUID article, String slug, String creator) {
        PreviewToken token = new PreviewToken();
        token.id = UUID.randomUUID();
        token.scope = PreviewGrant.scopeOf(article);
        token.createdBy = creator;
        token.createdAt = clock.instant();
        // Whole seconds, as the token text carries them, so the row and the text agree.
        token.expiresAt = token.createdAt.plus(ttl).truncatedTo(ChronoUnit.SECONDS);
        token.persist();
        String text = signature.sign(new PreviewSignature.Claims(token.id, token.scope, token.expiresAt));
        String url = article == null ? null : urlTemplate.map(t -> t.replace("{token}", encoded(text)).replace("{slug}", encoded(slug))).orElse(null);
        return new CreatedPreview(token.id, text, url, token.expiresAt, token.scope);
    }

    /** Tokens that still work, newest first. */
    @Transactional
    public List<PreviewView> active() {
        return PreviewToken.<PreviewToken>find("revokedAt is null and expiresAt > ?1 order by createdAt desc, id desc", clock.instant())
                .stream().map(PreviewView::from).toList();
    }

    /** Revokes at once, on every instance; an author may revoke only the tokens it issued. */
    @Transactional
    public void revoke(UUID id, Edit edit) {
        PreviewToken token = PreviewToken.<PreviewToken>findByIdOptional(id).orElseThrow(() -> new NotFound("preview", id));
        if (edit.ownDraftsOnly() && !edit.actor().equals(token.createdBy)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "An author may only revoke preview tokens it issued.");
        }
        if (token.revokedAt == null) {
            token.revokedAt = clock.instant();
        }
    }

    /**
     * What the presented token lets delivery show, if anything. No token costs nothing; a token is read from
     * the table only once its signature and expiry hold, so a guess never reaches the database. No
     * transaction of its own: a plain read, like the delivery read it comes with.
     */
    public Optional<PreviewGrant> grant(String presented) {
        if (presented == null || presented.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return signature.verify(presented.strip())
                .filter(claims -> now.isBefore(claims.expiresAt()))
                .flatMap(claims -> PreviewToken.<PreviewToken>findByIdOptional(claims.id())
                        .filter(stored -> stored.validAt(now) && stored.scope.equals(claims.scope()))
                        .map(stored -> new PreviewGrant(stored.id, stored.scope.equals(PreviewGrant.ALL) ? null : UUID.fromString(stored.scope))));
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
