package dateline.article;

import dateline.common.term.Term;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What an article shows in its language besides its own columns: its section's and tags' names in that
 * language, and its published translations. {@code termNames} holds, by term id, the names read for the
 * article's locale and language; null means "ask each term", whose names Hibernate loads in batches (a
 * page of articles in several languages).
 */
record ArticleLocalisation(Map<UUID, Map<String, String>> termNames, List<Translation> translations) {

    /** For a page of articles: each term's names as the entity loads them. */
    static ArticleLocalisation fromTerms(List<Translation> translations) {
        return new ArticleLocalisation(null, translations);
    }

    String nameOf(Term term, String locale) {
        return termNames == null ? term.nameIn(locale) : Term.nameIn(termNames.getOrDefault(term.id, Map.of()), locale, term.name);
    }
}
