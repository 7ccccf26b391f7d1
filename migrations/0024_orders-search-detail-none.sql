-- Order search index keeps only which trigrams each order has (detail=none), not where: an import
-- of 100,000 orders wrote it in 0.37 s / 10 MiB of WAL instead of 0.63 s / 26 MiB. Such an index
-- cannot answer phrase queries, so the queue matches a longer query as all of its trigrams and
-- then checks the order's text itself (SEARCH_BODY_SQL in orders.repo.ts, the same text as
-- searchBody). The index is built again from that text; the expression below is SEARCH_BODY_SQL.
DROP TABLE `orders_search`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `orders_search` USING fts5(`body`, content='', contentless_delete=1, detail=none, tokenize='trigram');
--> statement-breakpoint
INSERT INTO `orders_search` (`orders_search`, `rank`) VALUES ('automerge', 8);
--> statement-breakpoint
INSERT INTO `orders_search` (rowid, body)
SELECT o.id, o.external_id || ' ' || o.recipient_name || ' ' || o.phone || ' ' ||
  coalesce(nullif(o.province || o.city || o.district || o.street || o.detail, ''), o.address_raw) ||
  coalesce((select group_concat(' ' || l.sku || ' ' || l.title, '' order by l.line_no)
    from order_lines l where l.order_id = o.id), '')
FROM orders o ORDER BY o.id;
