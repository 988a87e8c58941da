-- H2 writes a sequence's position to disk each time it has handed out its cache of numbers, and that write
-- is a commit that stores every page changed so far (an import's uncommitted chunk included). With the
-- default cache of 32, numbering the articles and words of a 100,000-article import cost a sixth of its
-- time. A larger cache only means that numbers handed out but unused before a crash are skipped.
alter sequence search_doc_seq cache 10000;
alter table search_word alter column id set cache 10000;
