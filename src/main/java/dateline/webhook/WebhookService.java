package dateline.webhook;

import dateline.common.page.Cursors;
import dateline.common.page.Page;
import dateline.common.problem.InvalidContent;
import io.quarkus.panache.common.Parameters;
import dateline.common.problem.NotFound;
import dateline.common.problem.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Admins' use cases on webhooks: subscribe, change, remove, send a test event, read the delivery log. */
@ApplicationScoped
public class WebhookService {
    private final WebhookOutbox outbox;
    private final WebhookTargets targets;
    private final Cursors cursors;
    private final Clock clock;

    WebhookService(WebhookOutbox outbox, WebhookTargets targets, Cursors cursors, Clock clock) {
        this.outbox = outbox;
        this.cursors = cursors;
        this.targets = targets;
        this.clock = clock;
    }

    @Transactional
    public CreatedWebhook create(WebhookInput in) {
        check(in);
        Instant now = clock.instant();
        Webhook webhook = new Webhook();
        webhook.id = UUID.randomUUID();
        webhook.secret = in.secret() != null ? in.secret() : WebhookSignature.newSecret();
        webhook.createdAt = now;
        apply(webhook, in, now);
        webhook.persist();
        return new CreatedWebhook(WebhookView.from(webhook), webhook.secret);
    }

    @Transactional
    public WebhookView replace(UUID id, WebhookInput in) {
        check(in);
        Webhook webhook = load(id);
        if (in.secret() != null) {
            webhook.secret = in.secret();
        }
        apply(webhook, in, clock.instant());
        return WebhookView.from(webhook);
    }

    @Transactional
    public void delete(UUID id) {
        load(id).delete();
    }

    @Transactional
    public DeliveryView test(UUID id) {
        return DeliveryView.from(outbox.test(load(id), clock.instant()));
    }

    /** Sends a delivery again from now on, whatever became of it; its webhook-id stays the same. */
    @Transactional
    public DeliveryView redeliver(UUID id, UUID deliveryId) {
        load(id);
        WebhookDelivery delivery = WebhookDelivery.<WebhookDelivery>findByIdOptional(deliveryId)
                .filter(d -> d.webhookId.equals(id)).orElseThrow(() -> new NotFound("delivery of this webhook", deliveryId));
        delivery.redeliverFrom(clock.instant());
        return DeliveryView.from(delivery);
    }

    @Transactional
    public List<WebhookView> list() {
        return Webhook.<Webhook>find("order by createdAt, id").stream().map(WebhookView::from).toList();
    }

    @Transactional
    public WebhookView get(UUID id) {
        return WebhookView.from(load(id));
    }

    /** The newest deliveries of a webhook first. */
    @Transactional
    /** The webhook's deliveries, newest first, keyset-paged on (createdAt, id). */
    public Page<DeliveryView> deliveries(UUID id, String cursor, int limit) {
        load(id);
        String list = "webhook-deliveries:" + id;
        Parameters params = Parameters.with("webhook", id);
        String where = "webhookId = :webhook";
        if (cursor != null) {
            List<String> after = cursors.decode(list, cursor, 2);
            where += " and createdAt <= :at and (createdAt < :at or (createdAt = :at and id < :id))";
            params.and("at", cursors.instant(after.get(0))).and("id", cursors.uuid(after.get(1)));
        }
        List<WebhookDelivery> rows = WebhookDelivery.<WebhookDelivery>find(where + " order by createdAt desc, id desc", params)
                .range(0, limit).list();
        return Page.of(rows, limit, d -> cursors.encode(list, List.of(d.createdAt.toString(), d.id.toString()))).map(DeliveryView::from);
    }

    private Webhook load(UUID id) {
        return Webhook.<Webhook>findByIdOptional(id).orElseThrow(() -> new NotFound("webhook", id));
    }

    private static void apply(Webhook webhook, WebhookInput in, Instant now) {
        webhook.url = in.url().strip();
        webhook.events = String.join(",", new LinkedHashSet<>(in.events()));
        webhook.active = in.active() == null || in.active();
        webhook.updatedAt = now;
    }

    /** Every rule before anything is written. */
    private void check(WebhookInput in) {
        List<Violation> violations = new ArrayList<>();
        if (!isHttpUrl(in.url())) {
            violations.add(Violation.body("url", "must be an absolute http or https URL"));
        } else {
            targets.refusal(URI.create(in.url().strip())).ifPresent(why -> violations.add(Violation.body("url", why)));
        }
        for (int i = 0; i < in.events().size(); i++) {
            if (!WebhookOutbox.EVENTS.contains(in.events().get(i))) {
                violations.add(Violation.body("events[" + i + "]", "must be one of " + String.join(", ", WebhookOutbox.EVENTS)));
            }
        }
        if (in.secret() != null && !WebhookSignature.isValidSecret(in.secret())) {
            violations.add(Violation.body("secret", "must be whsec_ followed by base64 of 24 to 64 bytes"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidContent(violations);
        }
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && uri.getUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
