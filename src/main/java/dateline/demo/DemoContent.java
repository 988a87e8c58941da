package dateline.demo;

import dateline.article.ArticleInput;
import dateline.edit.Edit;
import dateline.article.Article;
import dateline.article.NewArticle;
import dateline.article.ArticleRepository;
import dateline.article.ArticleService;
import dateline.article.ArticleWorkflow;
import dateline.article.PublishInput;
import dateline.common.term.TermInput;
import dateline.config.DatelineConfig;
import dateline.section.Section;
import dateline.section.SectionCatalog;
import dateline.tag.TagCatalog;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Loads the seed page into an empty database on first start, through the same services editors use: the
 * lead article with its ten related headlines as its curated related list. Never runs once content exists.
 */
@ApplicationScoped
public class DemoContent {
    static final String SEED = "/demo/seed-page.txt";
    /** The seed gives the lead article no date: it gets the page's newest date, ahead of that day's headlines. */
    static final LocalTime LEAD_TIME = LocalTime.of(15, 0);
    /** Same-day headlines count down from noon in the seed's order, which keeps the seed's newest-first order. */
    static final LocalTime FIRST_HEADLINE_TIME = LocalTime.NOON;
    static final String RUSSIAN = "ru";
    /** How the demo's Russian translation is marked in the data: its externalId, and a note in subtitle and body. */
    static final String DEMO_TRANSLATION_ID = "dateline-demo:translation:ru";
    static final String DEMO_TRANSLATION_NOTE = "Демонстрационный перевод Dateline: краткий пересказ английской статьи для показа переводов";
    private static final Logger LOG = Logger.getLogger(DemoContent.class);

    private final DatelineConfig config;
    private final ArticleService articles;
    private final ArticleWorkflow workflow;
    private final ArticleRepository articleRepository;
    private final SectionCatalog sections;
    private final TagCatalog tags;

    DemoContent(DatelineConfig config, ArticleService articles, ArticleWorkflow workflow, ArticleRepository articleRepository,
                SectionCatalog sections, TagCatalog tags) {
        this.config = config;
        this.articles = articles;
        this.workflow = workflow;
        this.articleRepository = articleRepository;
        this.sections = sections;
        this.tags = tags;
    }

    void onStart(@Observes StartupEvent start) {
        if (config.demo().enabled()) {
            loadIntoEmptyDatabase();
        }
    }

    @Transactional
    void loadIntoEmptyDatabase() {
        if (articleRepository.count() > 0 || Section.count() > 0) {
            return;
        }
        SeedPage page = SeedPage.parse(read());
        sections.create(new TermInput("world", "World", Map.of(RUSSIAN, "Мир")));
        DemoTags.ALL.forEach(t -> tags.create(new TermInput(t.slug(), t.name(), Map.of(RUSSIAN, t.russianName()))));

        List<UUID> related = new ArrayList<>();
        Map<LocalDate, Integer> sameDay = new HashMap<>();
        for (SeedPage.Headline h : page.headlines()) {
            int n = sameDay.merge(h.date(), 1, Integer::sum) - 1;
            Instant at = h.date().atTime(FIRST_HEADLINE_TIME.minusHours(n)).toInstant(ZoneOffset.UTC);
            related.add(publish(input(h.title(), null, DemoTags.in(h.title()), List.of()), at));
        }
        LocalDate newest = page.headlines().stream().map(SeedPage.Headline::date).max(LocalDate::compareTo).orElseThrow();
        String body = page.paragraphs().stream().map(p -> "<p>" + escape(p) + "</p>").collect(Collectors.joining());
        Instant leadAt = newest.atTime(LEAD_TIME).toInstant(ZoneOffset.UTC);
        UUID lead = publish(input(page.title(), body, DemoTags.LEAD, related), leadAt);
        publish(russianTranslation(lead), leadAt);
        LOG.infof("Loaded demo content: 1 article with %d related headlines, and its Russian translation", related.size());
    }

    /**
     * A short Russian version of the lead article, written for the demo (not the newsroom's): its subtitle
     * and its last paragraph say so, and its externalId marks it in the data. It shows a translation group
     * at work: the English article lists it under translations and names it in a hreflang Link.
     */
    private ArticleInput russianTranslation(UUID lead) {
        String body = "<p>В России разгорелся новый дипломатический скандал: заместитель генерального директора ТАСС"
                + " Михаил Гусман освобождён от должности после поездки в Баку, где он встретился с президентом Ильхамом Алиевым.</p>"
                + "<p>Отставка пришлась на время напряжённых отношений между Москвой и Баку.</p>"
                + "<p><em>" + DEMO_TRANSLATION_NOTE + "</em></p>";
        return new ArticleInput(null, "Россия уволила замгендиректора ТАСС Михаила Гусмана после визита в Азербайджан",
                DEMO_TRANSLATION_NOTE, null, body, null, null, "world", DemoTags.LEAD, List.of(), RUSSIAN, List.of(), lead);
    }

    private UUID publish(ArticleInput in, Instant at) {
        String externalId = RUSSIAN.equals(in.locale()) ? DEMO_TRANSLATION_ID : null;
        Article created = articles.createAll(List.of(new NewArticle(in, null, externalId, null, null, null)), Edit.by("demo"),
                a -> "Created").get(0);
        workflow.publish(created.id, new PublishInput(at), Edit.by("demo"));
        return created.id;
    }

    private static ArticleInput input(String title, String body, List<String> tagSlugs, List<UUID> related) {
        return new ArticleInput(null, title, null, null, body, null, null, "world", tagSlugs, List.of(), "en", related);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String read() {
        try (InputStream in = DemoContent.class.getResourceAsStream(SEED)) {
            if (in == null) {
                throw new IllegalStateException("The demo seed " + SEED + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
