-- Order search index: merge segments once 8 of a size exist instead of 4. An import of 100,000
-- orders spent about a quarter of its search-index work re-merging segments it had just written;
-- lookups read a few more segments and measured the same (trigram phrase and id searches).
-- A setting of the FTS5 table, kept in its config row: existing databases get it here too.
INSERT INTO `orders_search` (`orders_search`, `rank`) VALUES ('automerge', 8);
