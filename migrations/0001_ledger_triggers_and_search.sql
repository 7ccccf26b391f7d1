-- Stock moves only through the append-only ledger; stock_levels is derived from it here, and its
-- CHECK constraints abort any ledger row that would make available stock negative.
CREATE TRIGGER `stock_ledger_apply` AFTER INSERT ON `stock_ledger` BEGIN
  -- Two steps, not an upsert: SQLite checks CHECK constraints on the would-be inserted row
  -- before it looks for a conflict, so a first reservation would fail against (0, 0).
  INSERT OR IGNORE INTO `stock_levels` (`warehouse_id`, `sku_id`, `on_hand`, `reserved`)
  VALUES (NEW.`warehouse_id`, NEW.`sku_id`, 0, 0);
  UPDATE `stock_levels` SET
    `on_hand` = `on_hand` + NEW.`on_hand_delta`,
    `reserved` = `reserved` + NEW.`reserved_delta`
  WHERE `warehouse_id` = NEW.`warehouse_id` AND `sku_id` = NEW.`sku_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `stock_ledger_no_update` BEFORE UPDATE ON `stock_ledger` BEGIN
  SELECT RAISE(ABORT, 'stock_ledger is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `stock_ledger_no_delete` BEFORE DELETE ON `stock_ledger` BEGIN
  SELECT RAISE(ABORT, 'stock_ledger is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log` BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log` BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
--> statement-breakpoint
-- Order search: trigram so Chinese names, phone fragments and order numbers match anywhere.
-- Contentless: the text lives in `orders`/`order_lines`; the repo keeps this index in step.
CREATE VIRTUAL TABLE `orders_search` USING fts5(`body`, content='', contentless_delete=1, tokenize='trigram');
