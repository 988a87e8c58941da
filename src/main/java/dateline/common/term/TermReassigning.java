package dateline.common.term;

import dateline.edit.Edit;

/**
 * A section, tag or author is being deleted and the articles that use it move to another term of the same
 * kind first. {@link TermCatalog} fires it synchronously inside the deleting transaction and then checks
 * that no article is left; the article feature observes it, so that articles depend on terms and never the
 * other way round. The {@code edit} names who moves the articles and why, for their revisions.
 */
public record TermReassigning(String kind, Term from, Term to, Edit edit) {
}
