package dateline.article;

import dateline.common.term.Term;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What an article shows in its language besides its own columns ({@link Translations#of}): its section's
 * and tags' names in that language, and its published translations. {@code termNames} holds, by term id,
 * the names read for the locales and languages of the articles read with it.
 */
public record ArticleLocalisation(Map<UUID, Map<String, String>> termNames, List<Translation> translations) {

    String nameOf(Term term, String locale) {
        return Term.nameIn(termNames.getOrDefault(term.id, Map.of()), locale, term.name);
    }
}
