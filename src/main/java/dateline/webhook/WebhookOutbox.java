package dateline.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dateline.article.ArticleEvent;
import dateline.common.term.TermEvent;
import dateline.media.MediaEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    private void announce(String name, Instant at, java.util.UUID id, Map<String, Object> data) {
        List<Webhook> subscribers = active().stream().filter(w -> w.subscribes(name)).toList();
        if (subscribers.isEmpty()) {
            return;
        }
        String payload = payload(name, at, data);
        for (Webhook webhook : subscribers) {
            WebhookDelivery.pending(webhook, id, name, payload, at).persist();
        }
    }

    /** The active webhooks, read once per transaction: an import chunk announces a hundred articles. */
    @SuppressWarnings("unchecked")
    private List<Webhook> active() {
        List<Webhook> active = (List<Webhook>) transactions.getResource(WebhookOutbox.class);
        if (active == null) {
            active = Webhook.list("active = true");
            transactions.putResource(WebhookOutbox.class, active);
        }
        return active;
    }

    /** The test event for one webhook, queued like any other. */
    WebhookDelivery test(Webhook webhook, Instant now) {
        WebhookDelivery delivery = WebhookDelivery.pending(webhook, null, TEST_EVENT,
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
