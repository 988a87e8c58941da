package dateline.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A bearer token of the management API. Holds the salted hash of its secret, never the secret. */
@Entity
@Table(name = "api_token")
public class ApiToken extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(nullable = false, length = 100)
    public String name;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Role role;
    @Column(nullable = false, length = 64)
    public String salt;
    @Column(name = "secret_hash", nullable = false, length = 64)
    public String secretHash;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "created_by", nullable = false, length = 100)
    public String createdBy;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "revoked_at")
    public Instant revokedAt;

    /** Usable now: neither revoked nor past its expiry. */
    boolean validAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }
}
