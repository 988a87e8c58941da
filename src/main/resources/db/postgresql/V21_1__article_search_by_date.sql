-- A date-ordered search first walks the newest (or oldest) delivered articles in order and tests each
-- (TextSearch.recentMatches): a word found in many articles has its page among the first few hundred,
-- where gathering its thousands of matches from the GIN index and sorting them cost 50 times more.
-- Numbered 21.1 to sit before the migrations of work that was under way when it was written.
set local statement_timeout = 0;
create index ix_article_search_live on article_search (live_at desc, id desc);
