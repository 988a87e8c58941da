package dateline.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A subscriber: where to send which events, and the secret that signs them. */
@Entity
@Table(name = "webhook")
public class Webhook extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(nullable = false, length = 2048)
    public String url;
    /** Event names, comma-separated. */
    @Column(nullable = false, length = 1000)
    public String events;
    /** {@code whsec_} + base64 of the HMAC key, as the Standard Webhooks specification writes it. */
    @Column(nullable = false, length = 100)
    public String secret;
    @Column(nullable = false)
    public boolean active;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    List<String> eventList() {
        return eventList(events);
    }

    /** The event names of a stored {@code events} column. */
    static List<String> eventList(String events) {
        return Arrays.asList(events.split(","));
    }
}
