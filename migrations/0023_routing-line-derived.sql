-- Routing no longer appends its one-line summary ("routing: SH: in stock, ¥7.00 via ZTO …") to
-- orders.reasons_json: the allocation row holds those reasons, and the order's detail builds the
-- line from its latest allocation when it is read. Lines stored before are dropped here, so the
-- detail shows the current decision once instead of every past one beside it.
UPDATE `orders`
SET `reasons_json` = (
  SELECT json_group_array(`value`) FROM (
    SELECT `value` FROM json_each(`orders`.`reasons_json`)
    WHERE `type` <> 'text' OR `value` NOT GLOB 'routing: *'
    ORDER BY `key`
  )
)
WHERE `reasons_json` GLOB '*"routing: *';
