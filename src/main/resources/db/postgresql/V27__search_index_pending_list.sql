-- GIN's fast update appends new entries to a pending list that every search scans in full, until the list
-- outgrows gin_pending_list_limit (4 MB by default) or vacuum merges it. A date-ordered search probes the
-- index once per month (RecentMatches), so after a few thousand writes it scanned megabytes dozens of times:
-- measured on 100,000 articles, /articles?q= fell from about 300 to 25 requests/s. A small list keeps
-- inserts batched, as imports want, and bounds what a search scans.
alter index ix_article_search_vector set (gin_pending_list_limit = 128);
