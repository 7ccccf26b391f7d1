-- Widens printers.kind for the Kuaishou and JD print components. SQLite cannot alter a CHECK,
-- so the table is rebuilt. Migrations run inside one transaction, where PRAGMA foreign_keys=OFF
-- is ignored and dropping a parent of print_jobs fails; deferring the checks to commit lets the
-- rows come back under the same ids before anything is checked.
PRAGMA defer_foreign_keys=ON;--> statement-breakpoint
CREATE TABLE `__old_printers` AS SELECT * FROM `printers`;--> statement-breakpoint
DROP TABLE `printers`;--> statement-breakpoint
CREATE TABLE `printers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`language` text NOT NULL,
	`host` text DEFAULT '' NOT NULL,
	`port` integer DEFAULT 9100 NOT NULL,
	`device_name` text DEFAULT '' NOT NULL,
	`label_size` text DEFAULT '100x150' NOT NULL,
	`dpi` integer DEFAULT 203 NOT NULL,
	`cjk_font` integer DEFAULT false NOT NULL,
	`default_for` text,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "printers_kind" CHECK("printers"."kind" in ('system','raw_tcp','cainiao_ws','pdd_ws','douyin_ws','kuaishou_ws','jd_ws')),
	CONSTRAINT "printers_language" CHECK("printers"."language" in ('pdf','zpl','tspl','escpos','cainiao')),
	CONSTRAINT "printers_port" CHECK("printers"."port" between 1 and 65535),
	CONSTRAINT "printers_default_for" CHECK("printers"."default_for" is null or "printers"."default_for" in ('label','receipt','document'))
);
--> statement-breakpoint
INSERT INTO `printers`("id", "name", "kind", "language", "host", "port", "device_name", "label_size", "dpi", "cjk_font", "default_for", "active", "created_at", "updated_at") SELECT "id", "name", "kind", "language", "host", "port", "device_name", "label_size", "dpi", "cjk_font", "default_for", "active", "created_at", "updated_at" FROM `__old_printers`;--> statement-breakpoint
DROP TABLE `__old_printers`;--> statement-breakpoint
CREATE UNIQUE INDEX `printers_name_unique` ON `printers` (`name`);--> statement-breakpoint
CREATE UNIQUE INDEX `printers_default_for_uq` ON `printers` (`default_for`) WHERE "printers"."default_for" is not null;
