package dateline.common.term;

import dateline.edit.Edit;
import dateline.common.page.Cursors;
import dateline.common.page.Page;
import dateline.common.problem.Conflict;
import dateline.common.problem.InvalidParameter;
import dateline.common.problem.NotFound;
import dateline.common.problem.ProblemType;
import dateline.common.slug.Slugs;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Rules shared by sections, tags and authors: unique slugs (generated from the name when not given),
 * slug-ordered keyset pages, lookup by slug or id, and no deletion while articles still use a term.
 */
public abstract class TermCatalog<E extends Term> {
    private static final Pattern ID_SHAPE = Pattern.compile("\\p{XDigit}{8}(-\\p{XDigit}{4}){3}-\\p{XDigit}{12}");
    private Class<E> type;
    private String kind;
    private String usageSql;
    private Cursors cursors;
    protected Clock clock;
    /** Field-injected so the three catalogs' constructors stay as they are. */
    @jakarta.inject.Inject
    jakarta.enterprise.event.Event<TermEvent> events;
    @jakarta.inject.Inject
    jakarta.enterprise.event.Event<TermReassigning> reassigning;
    @jakarta.inject.Inject
    dateline.i18n.Locales locales;

    /** For the CDI client proxy only; it never calls a method of its own. */
    protected TermCatalog() {
    }

    protected TermCatalog(Class<E> type, String kind, String usageSql, Cursors cursors, Clock clock) {
        this.type = type;
        this.kind = kind;
        this.usageSql = usageSql;
        this.cursors = cursors;
        this.clock = clock;
    }

    public <V> Page<V> page(String cursor, int limit, Function<E, V> view) {
        String after = cursor == null ? null : cursors.decode(kind, cursor, 1).get(0);
        List<E> rows = em().createQuery("from " + type.getSimpleName()
                        + " t where (:after is null or t.slug > :after) order by t.slug", type)
                .setParameter("after", after)
                .setMaxResults(limit + 1)
                .getResultList();
        return Page.of(rows, limit, last -> cursors.encode(kind, List.of(last.slug))).map(view);
    }

    public E bySlug(String slug) {
        return findBySlug(slug).orElseThrow(() -> new NotFound(kind, slug));
    }

    public E byId(UUID id) {
        E term = em().find(type, id);
        if (term == null) {
            throw new NotFound(kind, id);
        }
        return term;
    }

    /** Finds a term by id (when the reference is written as one) or by slug. */
    public Optional<E> resolve(String reference) {
        Optional<UUID> id = asId(reference);
        return id.isPresent() ? Optional.ofNullable(em().find(type, id.get())) : findBySlug(reference);
    }

    /**
     * The id a reference names when it is written as a UUID is (8-4-4-4-12 hex digits). Tested by shape,
     * not by letting {@code UUID.fromString} throw on every slug (an exception per tag was a visible share
     * of a write's CPU), nor bending a slug like {@code 1-2-3-4-5} into an id.
     */
    private static Optional<UUID> asId(String reference) {
        return ID_SHAPE.matcher(reference).matches() ? Optional.of(UUID.fromString(reference)) : Optional.empty();
    }

    /**
     * Finds terms by id or slug as {@link #resolve} finds each, all in one query: the ones that exist, by
     * the reference that named them. An article's five tags cost one statement, not five.
     */
    public Map<String, E> resolveAll(Collection<String> references) {
        Map<UUID, String> byId = new HashMap<>();
        Set<String> slugs = new HashSet<>();
        for (String reference : references) {
            asId(reference).ifPresentOrElse(id -> byId.put(id, reference), () -> slugs.add(reference));
        }
        Map<String, E> found = new HashMap<>();
        if (byId.isEmpty() && slugs.isEmpty()) {
            return found;
        }
        // One named parameter per reference, not a list parameter: Hibernate caches the statement it
        // translates for each shape, where a list parameter has it translated again on every call.
        List<String> slugList = List.copyOf(slugs);
        List<UUID> idList = List.copyOf(byId.keySet());
        List<String> where = new java.util.ArrayList<>(2);
        if (!slugList.isEmpty()) {
            where.add("t.slug in (" + names("s", slugList.size()) + ")");
        }
        if (!idList.isEmpty()) {
            where.add("t.id in (" + names("i", idList.size()) + ")");
        }
        var query = em().createQuery("from " + type.getSimpleName() + " t where " + String.join(" or ", where), type);
        for (int i = 0; i < slugList.size(); i++) {
            query.setParameter("s" + i, slugList.get(i));
        }
        for (int i = 0; i < idList.size(); i++) {
            query.setParameter("i" + i, idList.get(i));
        }
        for (E term : query.getResultList()) {
            if (slugs.contains(term.slug)) {
                found.put(term.slug, term);
            }
            String byItsId = byId.get(term.id);
            if (byItsId != null) {
                found.put(byItsId, term);
            }
        }
        return found;
    }

    /** {@code :s0, :s1, :s2} for a prefix and a count. */
    private static String names(String prefix, int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> ":" + prefix + i).collect(java.util.stream.Collectors.joining(", "));
    }

    /** Loads these terms into the persistence context with one query, so finding them by id later costs none. */
    public void preload(java.util.Collection<UUID> ids) {
        if (!ids.isEmpty()) {
            em().createQuery("from " + type.getSimpleName() + " t where t.id in :ids", type).setParameter("ids", ids).getResultList();
        }
    }

    @Transactional
    public E create(String slug, String name, E term) {
        term.created(clock.instant());
        term.slug = slug != null ? claim(slug, null) : uniqueFrom(name);
        term.name = name.strip();
        em().persist(term);
        em().flush();
        announce(TermEvent.Type.CREATED, term);
        return term;
    }

    /**
     * A term's names in other locales, keyed by canonical tag (pt-br is pt-BR), null when none were given;
     * refused (422) when a key is malformed, not allowed, or the default locale (whose name is {@code name}).
     */
    protected Map<String, String> checkedNames(Map<String, String> given) {
        if (given == null) {
            return null;
        }
        Map<String, String> names = new java.util.TreeMap<>();
        List<dateline.common.problem.Violation> violations = new java.util.ArrayList<>();
        given.forEach((tag, name) -> {
            String field = "names." + tag;
            Optional<String> locale = dateline.i18n.Locales.canonical(tag);
            if (locale.isEmpty()) {
                violations.add(dateline.common.problem.Violation.body(field, dateline.i18n.Locales.MALFORMED));
            } else if (!locales.isAllowed(locale.get())) {
                violations.add(dateline.common.problem.Violation.body(field, locales.notAllowedMessage()));
            } else if (locale.get().equals(locales.defaultLocale())) {
                violations.add(dateline.common.problem.Violation.body(field, "is the default locale, whose name is name"));
            } else if (names.put(locale.get(), name.strip()) != null) {
                violations.add(dateline.common.problem.Violation.body(field, "names the locale " + locale.get() + " twice"));
            }
        });
        if (!violations.isEmpty()) {
            throw new dateline.common.problem.InvalidContent(violations);
        }
        return names;
    }

    /** Loads a term for replacement; the caller applies its fields inside the same transaction. */
    protected E replace(UUID id, String slug, String name) {
        E term = byId(id);
        term.rename(slug == null ? term.slug : claim(slug, id), name.strip(), clock.instant());
        announce(TermEvent.Type.UPDATED, term);
        return term;
    }

    /**
     * Deletes a term, refused (409 with the usage count) while articles still use it. With
     * {@code reassignTo}, a slug or id of another term of this kind, those articles move there first: the
     * article feature observes {@link TermReassigning} in this transaction and records their revisions.
     */
    @Transactional
    public void delete(UUID id, String reassignTo, Edit edit) {
        E term = byId(id);
        if (reassignTo != null) {
            reassigning.fire(new TermReassigning(kind, term, reassignmentTarget(term, reassignTo), edit));
        }
        long usage = ((Number) em().createNativeQuery(usageSql).setParameter(1, id).getSingleResult()).longValue();
        if (usage > 0) {
            throw new Conflict(ProblemType.IN_USE, "The " + kind + " '" + term.slug + "' is used by " + usage
                    + " article(s); delete with reassignTo=<another " + kind + "> to move them first.", Map.of("usage", usage));
        }
        em().remove(term);
        announce(TermEvent.Type.DELETED, term);
    }

    /** Checked before anything moves, so a bad reassignTo (400) changes nothing. */
    private E reassignmentTarget(E from, String reference) {
        E to = resolve(reference).orElseThrow(() -> new InvalidParameter("reassignTo", "no such slug or id: '" + reference + "'"));
        if (to.id.equals(from.id)) {
            throw new InvalidParameter("reassignTo", "names the term being deleted");
        }
        return to;
    }

    private void announce(TermEvent.Type type, E term) {
        events.fire(new TermEvent(kind, type, term.id, term.slug, clock.instant()));
    }

    private String claim(String slug, UUID owner) {
        findBySlug(slug).filter(other -> !other.id.equals(owner)).ifPresent(other -> {
            throw new Conflict(ProblemType.SLUG_TAKEN, "Another " + kind + " already uses the slug '" + slug + "'.");
        });
        return slug;
    }

    private String uniqueFrom(String name) {
        String base = Slugs.fromTitle(name);
        if (base.isEmpty()) {
            base = kind;
        }
        String candidate = base;
        for (int n = 2; findBySlug(candidate).isPresent(); n++) {
            candidate = Slugs.withSuffix(base, n);
        }
        return candidate;
    }

    private Optional<E> findBySlug(String slug) {
        return em().createQuery("from " + type.getSimpleName() + " t where t.slug = :slug", type)
                .setParameter("slug", slug)
                .getResultList().stream().findFirst(); // a slug is unique: at most one row, no scrolling result
    }

    private EntityManager em() {
        return Panache.getEntityManager();
    }
}
