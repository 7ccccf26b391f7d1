CREATE TABLE `document_templates` (
	`kind` text PRIMARY KEY NOT NULL,
	`logo` blob,
	`sender_json` text,
	`options_json` text DEFAULT '{}' NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "document_templates_kind" CHECK("document_templates"."kind" in ('label','pick_list','packing_slip','customs','commercial_invoice','sales_receipt','manifest'))
);
--> statement-breakpoint
CREATE TABLE `sku_customs` (
	`sku` text PRIMARY KEY NOT NULL,
	`description_en` text NOT NULL,
	`hs_code` text DEFAULT '' NOT NULL,
	`origin_country` text DEFAULT 'CN' NOT NULL,
	`category` text DEFAULT 'merchandise' NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "sku_customs_category" CHECK("sku_customs"."category" in ('gift','documents','commercial_sample','returned_goods','merchandise','other'))
);
--> statement-breakpoint
CREATE TABLE `print_jobs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`printer_id` integer NOT NULL,
	`idempotency_key` text NOT NULL,
	`document` text NOT NULL,
	`order_id` integer,
	`title` text DEFAULT '' NOT NULL,
	`format` text NOT NULL,
	`payload` blob,
	`request_json` text DEFAULT '{}' NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`max_attempts` integer DEFAULT 5 NOT NULL,
	`next_run_at` integer NOT NULL,
	`send_started_at` integer,
	`last_error` text,
	`reprint_of` integer,
	`reprint_reason` text,
	`actor` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`done_at` integer,
	FOREIGN KEY (`printer_id`) REFERENCES `printers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "print_jobs_status" CHECK("print_jobs"."status" in ('queued','printing','done','failed'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `print_jobs_idempotency_key_unique` ON `print_jobs` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `print_jobs_due_idx` ON `print_jobs` (`status`,`next_run_at`);--> statement-breakpoint
CREATE INDEX `print_jobs_created_idx` ON `print_jobs` (`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `print_jobs_order_idx` ON `print_jobs` (`order_id`);--> statement-breakpoint
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
	CONSTRAINT "printers_kind" CHECK("printers"."kind" in ('system','raw_tcp','cainiao_ws','pdd_ws','douyin_ws')),
	CONSTRAINT "printers_language" CHECK("printers"."language" in ('pdf','zpl','tspl','escpos','cainiao')),
	CONSTRAINT "printers_port" CHECK("printers"."port" between 1 and 65535),
	CONSTRAINT "printers_default_for" CHECK("printers"."default_for" is null or "printers"."default_for" in ('label','receipt','document'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `printers_name_unique` ON `printers` (`name`);--> statement-breakpoint
CREATE UNIQUE INDEX `printers_default_for_uq` ON `printers` (`default_for`) WHERE "printers"."default_for" is not null;