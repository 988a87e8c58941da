package dateline.article.search;

import java.util.List;

/**
 * The text of an article that searches read, at one moment, with the locale its words are stemmed in: the
 * title, subtitle, excerpt, body as stored (HTML) and as text. {@link SearchKeys} names the searches it can
 * be found by.
 */
public record SearchedText(String locale, List<String> fields) {
}
