CREATE TABLE `channels` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`currency` text DEFAULT 'CNY' NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`config_json` text DEFAULT '{}' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `channels_code_unique` ON `channels` (`code`);--> statement-breakpoint
CREATE TABLE `customers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`phone` text,
	`email` text,
	`country` text,
	`province` text,
	`city` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `customers_phone_idx` ON `customers` (`phone`);--> statement-breakpoint
CREATE INDEX `customers_name_idx` ON `customers` (`name`);--> statement-breakpoint
CREATE TABLE `skus` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sku` text NOT NULL,
	`title` text NOT NULL,
	`spec` text DEFAULT '' NOT NULL,
	`barcode` text,
	`category` text,
	`weight_grams` integer DEFAULT 0 NOT NULL,
	`price_minor` integer DEFAULT 0 NOT NULL,
	`currency` text DEFAULT 'CNY' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "skus_weight_nonneg" CHECK("skus"."weight_grams" >= 0),
	CONSTRAINT "skus_price_nonneg" CHECK("skus"."price_minor" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `skus_sku_unique` ON `skus` (`sku`);--> statement-breakpoint
CREATE TABLE `stock_ledger` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`warehouse_id` integer NOT NULL,
	`sku_id` integer NOT NULL,
	`kind` text NOT NULL,
	`on_hand_delta` integer DEFAULT 0 NOT NULL,
	`reserved_delta` integer DEFAULT 0 NOT NULL,
	`reference` text,
	`reason` text,
	`actor` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`warehouse_id`) REFERENCES `warehouses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sku_id`) REFERENCES `skus`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "stock_ledger_kind" CHECK("stock_ledger"."kind" in ('receipt','adjustment','reservation','release','pick','ship','transfer','return'))
);
--> statement-breakpoint
CREATE INDEX `stock_ledger_sku_idx` ON `stock_ledger` (`sku_id`,`warehouse_id`,`id`);--> statement-breakpoint
CREATE TABLE `stock_levels` (
	`warehouse_id` integer NOT NULL,
	`sku_id` integer NOT NULL,
	`on_hand` integer DEFAULT 0 NOT NULL,
	`reserved` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`warehouse_id`, `sku_id`),
	FOREIGN KEY (`warehouse_id`) REFERENCES `warehouses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sku_id`) REFERENCES `skus`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "stock_levels_reserved_nonneg" CHECK("stock_levels"."reserved" >= 0),
	CONSTRAINT "stock_levels_available_nonneg" CHECK("stock_levels"."on_hand" - "stock_levels"."reserved" >= 0)
);
--> statement-breakpoint
CREATE TABLE `warehouses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`country` text DEFAULT 'CN' NOT NULL,
	`province` text DEFAULT '' NOT NULL,
	`city` text DEFAULT '' NOT NULL,
	`district` text DEFAULT '' NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`contact_name` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `warehouses_code_unique` ON `warehouses` (`code`);--> statement-breakpoint
CREATE TABLE `order_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`line_no` integer NOT NULL,
	`sku` text NOT NULL,
	`title` text NOT NULL,
	`spec` text DEFAULT '' NOT NULL,
	`quantity` integer NOT NULL,
	`unit_price_minor` integer NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "order_lines_qty_pos" CHECK("order_lines"."quantity" > 0),
	CONSTRAINT "order_lines_price_nonneg" CHECK("order_lines"."unit_price_minor" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `order_lines_order_line_uq` ON `order_lines` (`order_id`,`line_no`);--> statement-breakpoint
CREATE INDEX `order_lines_sku_idx` ON `order_lines` (`sku`);--> statement-breakpoint
CREATE TABLE `orders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`channel_id` integer NOT NULL,
	`external_id` text NOT NULL,
	`status` text DEFAULT 'pending_review' NOT NULL,
	`type` text DEFAULT 'online_shop' NOT NULL,
	`placed_at` integer NOT NULL,
	`source_updated_at` integer NOT NULL,
	`currency` text NOT NULL,
	`total_minor` integer NOT NULL,
	`shipping_minor` integer DEFAULT 0 NOT NULL,
	`payment_method` text,
	`buyer_message` text,
	`customer_id` integer,
	`recipient_name` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`country` text DEFAULT 'CN' NOT NULL,
	`province` text DEFAULT '' NOT NULL,
	`city` text DEFAULT '' NOT NULL,
	`district` text DEFAULT '' NOT NULL,
	`street` text DEFAULT '' NOT NULL,
	`detail` text DEFAULT '' NOT NULL,
	`postcode` text DEFAULT '' NOT NULL,
	`address_raw` text DEFAULT '' NOT NULL,
	`address_masked` integer DEFAULT false NOT NULL,
	`address_ambiguous` integer DEFAULT false NOT NULL,
	`warehouse_id` integer,
	`carrier` text,
	`tracking_number` text,
	`shipped_at` integer,
	`tags_json` text DEFAULT '[]' NOT NULL,
	`reasons_json` text DEFAULT '[]' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`channel_id`) REFERENCES `channels`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`warehouse_id`) REFERENCES `warehouses`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "orders_total_nonneg" CHECK("orders"."total_minor" >= 0),
	CONSTRAINT "orders_status" CHECK("orders"."status" in ('pending_review','held','approved','backordered','allocated','picking','packed','shipped','delivered','exception','returned','cancelled'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `orders_channel_external_uq` ON `orders` (`channel_id`,`external_id`);--> statement-breakpoint
CREATE INDEX `orders_placed_idx` ON `orders` (`placed_at`,`id`);--> statement-breakpoint
CREATE INDEX `orders_status_placed_idx` ON `orders` (`status`,`placed_at`,`id`);--> statement-breakpoint
CREATE INDEX `orders_channel_placed_idx` ON `orders` (`channel_id`,`placed_at`,`id`);--> statement-breakpoint
CREATE INDEX `orders_type_placed_idx` ON `orders` (`type`,`placed_at`,`id`);--> statement-breakpoint
CREATE INDEX `orders_customer_idx` ON `orders` (`customer_id`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`actor` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` integer NOT NULL,
	`action` text NOT NULL,
	`from_value` text,
	`to_value` text,
	`reason` text,
	`data_json` text
);
--> statement-breakpoint
CREATE INDEX `audit_entity_idx` ON `audit_log` (`entity`,`entity_id`,`id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value_json` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `jobs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`idempotency_key` text NOT NULL,
	`payload_json` text NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_run_at` integer NOT NULL,
	`last_error` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "jobs_status" CHECK("jobs"."status" in ('queued','running','done','failed','dead'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `jobs_idempotency_key_unique` ON `jobs` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `jobs_due_idx` ON `jobs` (`status`,`next_run_at`);