CREATE TABLE `customer_keys` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` integer NOT NULL,
	`kind` text NOT NULL,
	`key` text NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `customer_keys_kind_key_uq` ON `customer_keys` (`kind`,`key`);--> statement-breakpoint
CREATE INDEX `customer_keys_customer_idx` ON `customer_keys` (`customer_id`);--> statement-breakpoint
CREATE TABLE `import_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`file_hash` text NOT NULL,
	`file_name` text NOT NULL,
	`format` text NOT NULL,
	`channel_code` text NOT NULL,
	`total_orders` integer NOT NULL,
	`done_orders` integer DEFAULT 0 NOT NULL,
	`imported` integer DEFAULT 0 NOT NULL,
	`updated` integer DEFAULT 0 NOT NULL,
	`unchanged` integer DEFAULT 0 NOT NULL,
	`rejected_json` text DEFAULT '[]' NOT NULL,
	`status` text DEFAULT 'running' NOT NULL,
	`started_at` integer NOT NULL,
	`finished_at` integer,
	CONSTRAINT "import_runs_status" CHECK("import_runs"."status" in ('running','done')),
	CONSTRAINT "import_runs_progress" CHECK("import_runs"."done_orders" >= 0 and "import_runs"."done_orders" <= "import_runs"."total_orders")
);
--> statement-breakpoint
CREATE INDEX `import_runs_file_idx` ON `import_runs` (`file_hash`,`format`,`channel_code`,`status`);--> statement-breakpoint
CREATE TABLE `import_uploads` (
	`upload_id` text NOT NULL,
	`seq` integer NOT NULL,
	`file_name` text NOT NULL,
	`data` blob NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`upload_id`, `seq`)
);
--> statement-breakpoint
CREATE TABLE `sku_mappings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source_key` text NOT NULL,
	`title` text NOT NULL,
	`spec` text NOT NULL,
	`sku` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sku_mappings_source_uq` ON `sku_mappings` (`source_key`);--> statement-breakpoint
CREATE TABLE `spec_synonyms` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`term` text NOT NULL,
	`canonical` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `spec_synonyms_term_unique` ON `spec_synonyms` (`term`);--> statement-breakpoint
CREATE TABLE `standardization_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`field` text NOT NULL,
	`before` text NOT NULL,
	`after` text NOT NULL,
	`reason` text NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `standardization_changes_order_idx` ON `standardization_changes` (`order_id`);--> statement-breakpoint
ALTER TABLE `orders` ADD `region` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `orders` ADD `source_hash` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `orders_region_placed_idx` ON `orders` (`region`,`placed_at`,`id`);