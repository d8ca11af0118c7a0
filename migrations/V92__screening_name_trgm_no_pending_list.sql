-- The trigram index ScreeningSearch probes for every screened party: names are inserted straight into it
-- (fastupdate off) instead of into GIN's pending list. With the pending list, the names of a list import wait there
-- (unsorted, up to gin_pending_list_limit, 4 MB) until a vacuum or the limit moves them into the index, and every
-- search reads the whole list; merged in bulk, the index came out twice its size (1,104 pages for the bench's
-- 140,000 names against 558 when built at once, 608 inserted straight). A list import writes its names more slowly
-- (140,000 names: 17 s against 4 s on a loaded 2-core machine); searches are about a fifth faster (issue 8).
-- Rebuilt once, so that an index already grown through the pending list becomes compact as well.
ALTER INDEX screening_name_key_trgm SET (fastupdate = off);
REINDEX INDEX screening_name_key_trgm;
