package dateline.common.term;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** What sections, tags and authors share: an id, a unique slug and a display name. */
@MappedSuperclass
public abstract class Term extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(nullable = false, length = 120)
    public String slug;
    @Column(nullable = false, length = 200)
    public String name;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Version
    public long version;

    protected void created(Instant now) {
        id = UUID.randomUUID();
        createdAt = now;
        updatedAt = now;
    }

    /** Its names in locales other than the default, by canonical BCP 47 tag; none for a kind that is not translated. */
    protected java.util.Map<String, String> names() {
        return java.util.Map.of();
    }

    /** Its name in this locale: the locale's, else its language's (pt for pt-BR), else its own (the default locale's). */
    public String nameIn(String locale) {
        return nameIn(locale == null ? java.util.Map.of() : names(), locale, name);
    }

    /** The name in {@code locale} among {@code names}, else in its language, else {@code fallback}. */
    public static String nameIn(java.util.Map<String, String> names, String locale, String fallback) {
        if (locale == null || names.isEmpty()) {
            return fallback;
        }
        String exact = names.get(locale);
        return exact != null ? exact : names.getOrDefault(language(locale), fallback);
    }

    /** The language of a BCP 47 tag: pt for pt-BR. */
    public static String language(String locale) {
        return locale.split("-", 2)[0];
    }

    public void rename(String slug, String name, Instant now) {
        this.slug = slug;
        this.name = name;
        this.updatedAt = now;
    }
}
