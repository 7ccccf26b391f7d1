-- Default review rules that ship with Packdesk (issue 4). Seeded once; the shop owner edits or
-- deletes them in the rules editor like any other rule. Amounts are in minor units (分).
INSERT INTO `review_rules` (`name`, `enabled`, `position`, `priority`, `condition_json`, `actions_json`, `created_at`, `updated_at`) VALUES
('本省订单自动通过 / Local orders auto-approve', 1, 1, 0,
 '{"field":"distance","op":"eq","value":"local"}',
 '[{"type":"approve"}]', 0, 0);
--> statement-breakpoint
INSERT INTO `review_rules` (`name`, `enabled`, `position`, `priority`, `condition_json`, `actions_json`, `created_at`, `updated_at`) VALUES
('大额订单人工审核 / Orders over ¥5,000 need manual review', 1, 2, 0,
 '{"all":[{"field":"currency","op":"eq","value":"CNY"},{"field":"total","op":"gt","value":500000}]}',
 '[{"type":"hold","reason":"订单金额超过 ¥5,000，需人工审核 / order total over ¥5,000: manual review"}]', 0, 0);
--> statement-breakpoint
INSERT INTO `review_rules` (`name`, `enabled`, `position`, `priority`, `condition_json`, `actions_json`, `created_at`, `updated_at`) VALUES
('跨境订单需买家身份证 / Cross-border orders need the buyer''s ID', 1, 3, 0,
 '{"field":"crossBorder","op":"eq","value":true}',
 '[{"type":"require_document","document":"id_number"}]', 0, 0);
--> statement-breakpoint
INSERT INTO `review_rules` (`name`, `enabled`, `position`, `priority`, `condition_json`, `actions_json`, `created_at`, `updated_at`) VALUES
('地址模糊或被脱敏 / Ambiguous or masked address', 1, 4, 0,
 '{"any":[{"field":"addressAmbiguous","op":"eq","value":true},{"field":"addressMasked","op":"eq","value":true}]}',
 '[{"type":"hold","reason":"地址模糊或被脱敏，请与买家核对 / address ambiguous or masked: check it with the buyer"}]', 0, 0);
