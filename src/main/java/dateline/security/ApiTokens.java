package dateline.security;

import dateline.common.problem.InvalidContent;
import dateline.common.problem.NotFound;
import dateline.common.problem.Violation;
import dateline.config.DatelineConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Issues, lists, revokes and checks API tokens. */
@ApplicationScoped
public class ApiTokens {
    /** The name the configured first admin token acts under. */
    static final String CONFIGURED_ADMIN = "admin";

    private final Clock clock;
    private final Optional<String> adminTokenHash;

    ApiTokens(Clock clock, DatelineConfig config) {
        this.clock = clock;
        this.adminTokenHash = config.security().adminTokenHash().map(h -> h.strip().toLowerCase(Locale.ROOT));
    }

    @Transactional
    public CreatedToken create(TokenInput in, String creator) {
        Instant now = clock.instant();
        if (in.expiresAt() != null && !in.expiresAt().isAfter(now)) {
            throw new InvalidContent(List.of(Violation.body("expiresAt", "must lie in the future")));
        }
        ApiToken token = new ApiToken();
        token.id = UUID.randomUUID();
        TokenSecret secret = TokenSecret.generate(token.id);
        token.name = in.name();
        token.role = in.role();
        token.salt = TokenSecret.newSalt();
        token.secretHash = secret.hashWith(token.salt);
        token.createdAt = now;
        token.createdBy = creator;
        token.expiresAt = in.expiresAt();
        token.persist();
        return new CreatedToken(TokenView.from(token), secret.text());
    }

    @Transactional
    public List<TokenView> list() {
        return ApiToken.<ApiToken>find("order by createdAt desc, id desc").stream().map(TokenView::from).toList();
    }

    /** Revokes at once: every request authenticates against the table, so the next one with it fails. */
    @Transactional
    public void revoke(UUID id) {
        ApiToken token = ApiToken.<ApiToken>findByIdOptional(id).orElseThrow(() -> new NotFound("token", id));
        if (token.revokedAt == null) {
            token.revokedAt = clock.instant();
        }
    }

    /**
     * Who presents this bearer token, if anyone: the configured first admin, or a stored token that is
     * neither revoked nor expired. Read on every request, deliberately uncached.
     */
    @Transactional
    public Optional<Caller> authenticate(String bearer) {
        if (adminTokenHash.isPresent() && TokenSecret.sameHash(TokenSecret.sha256Hex(bearer), adminTokenHash.get())) {
            return Optional.of(new Caller(CONFIGURED_ADMIN, Role.ADMIN));
        }
        return TokenSecret.parse(bearer).flatMap(presented -> ApiToken.<ApiToken>findByIdOptional(presented.id())
                .filter(stored -> TokenSecret.sameHash(presented.hashWith(stored.salt), stored.secretHash))
                .filter(stored -> stored.validAt(clock.instant()))
                .map(stored -> new Caller(stored.name, stored.role)));
    }

    /** An authenticated caller: the token's name and role. */
    public record Caller(String name, Role role) {
    }
}
