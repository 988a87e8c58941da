package dateline.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dateline.article.ArticleEvent;
import dateline.common.sql.JdbcValues;
import dateline.common.sql.NativeSql;
import dateline.common.term.TermEvent;
import dateline.media.MediaEvent;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes a delivery row for every webhook subscribed to an event, in the transaction of the change that
 * fired it (a plain {@code @Observes}, not AFTER_SUCCESS): the change and its announcements commit or roll
 * back together, and a crash after the commit loses nothing the dispatcher has not sent yet.
 */
@ApplicationScoped
public class WebhookOutbox {
    /** The events a webhook may subscribe to. */
    static final Set<String> EVENTS = Stream.of(
                    Stream.of(ArticleEvent.Type.values()).map(ArticleEvent.Type::eventName),
                    Stream.of("section", "tag", "author").flatMap(kind -> Stream.of(TermEvent.Type.values())
                            .map(type -> TermEvent.eventName(kind, type))),
                    Stream.of(MediaEvent.Type.values()).map(MediaEvent.Type::eventName))
            .flatMap(names -> names)
            .collect(Collectors.toCollection(java.util.TreeSet::new));
    static final String TEST_EVENT = "webhook.test";

    private final ObjectMapper json;
    private final TransactionSynchronizationRegistry transactions;

    WebhookOutbox(ObjectMapper json, TransactionSynchronizationRegistry transactions) {
        this.json = json;
        this.transactions = transactions;
    }

    void articleChanged(@Observes ArticleEvent event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", event.articleId());
        data.put("slug", event.slug());
        data.put("locale", event.locale());
        data.put("translationGroup", event.translationGroup());
        announce(event.type().eventName(), event.at(), event.articleId(), data);
    }

    void termChanged(@Observes TermEvent event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", event.id());
        data.put("slug", event.slug());
        announce(event.eventName(), event.at(), event.id(), data);
    }

    void mediaChanged(@Observes MediaEvent event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", event.id()); // media items have no slug
        announce(event.type().eventName(), event.at(), event.id(), data);
    }

    private void announce(String name, Instant at, UUID id, Map<String, Object> data) {
        List<Subscriber> subscribers = active().stream().filter(w -> w.events().contains(name)).toList();
        if (subscribers.isEmpty()) {
            return;
        }
        String payload = payload(name, at, data);
        for (Subscriber webhook : subscribers) {
            WebhookDelivery.pending(webhook.id(), id, name, payload, at).persist();
        }
    }

    /**
     * The active webhooks, read once per transaction (an import chunk announces a hundred articles), as a
     * plain query for the two columns the outbox needs: every write asks, and most newsrooms have none.
     */
    @SuppressWarnings("unchecked")
    private List<Subscriber> active() {
        List<Subscriber> active = (List<Subscriber>) transactions.getResource(WebhookOutbox.class);
        if (active == null) {
            active = new NativeSql().append("select id, events from webhook where active").list(Panache.getEntityManager(),
                    row -> new Subscriber(JdbcValues.uuid(row, 1), Webhook.eventList(row.getString(2))));
            transactions.putResource(WebhookOutbox.class, active);
        }
        return active;
    }

    /** An active webhook as the outbox sees it: its id and the events it takes. */
    private record Subscriber(UUID id, List<String> events) {
    }

    /** The test event for one webhook, queued like any other. */
    WebhookDelivery test(Webhook webhook, Instant now) {
        WebhookDelivery delivery = WebhookDelivery.pending(webhook.id, null, TEST_EVENT,
                payload(TEST_EVENT, now, Map.of("webhookId", webhook.id)), now);
        delivery.persist();
        return delivery;
    }

    /** The body, shaped as the Standard Webhooks specification suggests: type, timestamp, data. */
    private String payload(String type, Instant at, Map<String, Object> data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("timestamp", at.toString());
        body.put("data", data);
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A map of strings always serialises", e);
        }
    }
}
