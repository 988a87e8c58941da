package dateline.preview;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An issued preview token: its scope and lifetime, never its text (which is signed, not stored). */
@Entity
@Table(name = "preview_token")
public class PreviewToken extends PanacheEntityBase {
    @Id
    public UUID id;
    /** An article id, or {@link PreviewGrant#ALL}. */
    @Column(nullable = false, length = 36)
    public String scope;
    @Column(name = "created_by", nullable = false, length = 100)
    public String createdBy;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
    @Column(name = "revoked_at")
    public Instant revokedAt;

    boolean validAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }
}
