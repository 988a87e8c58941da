package dateline.i18n;

import dateline.config.DatelineConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.IllformedLocaleException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The languages content is written in: BCP 47 tags in their canonical spelling ({@code pt-br} is
 * {@code pt-BR}), the set an operator allows ({@code dateline.locales.allowed}, unset: any well-formed tag),
 * the default locale, and the PostgreSQL text search configuration each language is stemmed with.
 */
@ApplicationScoped
public class Locales {
    /** What a refused tag is told; shared by every place a locale is read. */
    public static final String MALFORMED = "must be a BCP 47 language tag such as en or pt-BR";
    /**
     * PostgreSQL's stemming configurations by primary language subtag; every other language is searched
     * word for word ('simple'). The function dateline_search_config (db/postgresql V23) holds the same table.
     */
    private static final Map<String, String> SEARCH_CONFIGURATIONS = Map.ofEntries(
            Map.entry("ar", "arabic"), Map.entry("hy", "armenian"), Map.entry("eu", "basque"), Map.entry("ca", "catalan"),
            Map.entry("da", "danish"), Map.entry("nl", "dutch"), Map.entry("en", "english"), Map.entry("fi", "finnish"),
            Map.entry("fr", "french"), Map.entry("de", "german"), Map.entry("el", "greek"), Map.entry("hi", "hindi"),
            Map.entry("hu", "hungarian"), Map.entry("id", "indonesian"), Map.entry("ga", "irish"), Map.entry("it", "italian"),
            Map.entry("lt", "lithuanian"), Map.entry("ne", "nepali"), Map.entry("nb", "norwegian"), Map.entry("nn", "norwegian"),
            Map.entry("no", "norwegian"), Map.entry("pt", "portuguese"), Map.entry("ro", "romanian"), Map.entry("ru", "russian"),
            Map.entry("sr", "serbian"), Map.entry("es", "spanish"), Map.entry("sv", "swedish"), Map.entry("ta", "tamil"),
            Map.entry("tr", "turkish"), Map.entry("yi", "yiddish"));

    private final Optional<Set<String>> allowed;
    private final String defaultLocale;

    Locales(DatelineConfig config) {
        this.allowed = config.locales().allowed().map(tags -> {
            Set<String> set = new LinkedHashSet<>();
            tags.stream().map(String::strip).filter(t -> !t.isEmpty()).forEach(t -> set.add(canonical(t)
                    .orElseThrow(() -> new IllegalArgumentException("dateline.locales.allowed: '" + t + "' " + MALFORMED))));
            return Set.copyOf(set);
        });
        this.defaultLocale = canonical(config.locales().defaultLocale()).filter(this::isAllowed).orElseThrow(() ->
                new IllegalArgumentException("dateline.locales.default must be an allowed BCP 47 language tag"));
    }

    /** The tag in its canonical spelling, or empty when it is no well-formed BCP 47 tag. */
    public static Optional<String> canonical(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Locale.Builder().setLanguageTag(tag.strip()).build().toLanguageTag());
        } catch (IllformedLocaleException e) {
            return Optional.empty();
        }
    }

    /** Whether articles may be written in this (canonical) locale. */
    public boolean isAllowed(String canonical) {
        return allowed.map(set -> set.contains(canonical)).orElse(true);
    }

    /** What a refused but well-formed tag is told. */
    public String notAllowedMessage() {
        return "must be one of " + allowed.map(s -> new java.util.TreeSet<>(s).toString()).orElse("[]");
    }

    public String defaultLocale() {
        return defaultLocale;
    }

    /** The PostgreSQL text search configuration articles in this locale are indexed with. */
    public static String searchConfiguration(String locale) {
        String language = locale == null ? "" : locale.split("-", 2)[0].toLowerCase(Locale.ROOT);
        return SEARCH_CONFIGURATIONS.getOrDefault(language, "simple");
    }

    /**
     * Every configuration an article can be indexed with: those of the allowed locales, or all of them when
     * any locale is allowed. A search in no particular language looks for the words as each would stem them.
     */
    public List<String> searchConfigurations() {
        Set<String> configs = new java.util.TreeSet<>();
        configs.add("simple");
        allowed.ifPresentOrElse(set -> set.forEach(l -> configs.add(searchConfiguration(l))),
                () -> configs.addAll(SEARCH_CONFIGURATIONS.values()));
        return List.copyOf(configs);
    }
}
