CREATE TABLE `pack_scans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`session_id` integer NOT NULL,
	`barcode` text NOT NULL,
	`sku_id` integer,
	`result` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `pack_sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sku_id`) REFERENCES `skus`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "pack_scans_result" CHECK("pack_scans"."result" in ('ok','wrong_item','extra_item'))
);
--> statement-breakpoint
CREATE INDEX `pack_scans_session_idx` ON `pack_scans` (`session_id`);--> statement-breakpoint
CREATE TABLE `pack_sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`actor` text NOT NULL,
	`opened_at` integer NOT NULL,
	`completed_at` integer,
	`weight_grams` integer,
	`box` text,
	`override_json` text,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "pack_sessions_status" CHECK("pack_sessions"."status" in ('open','completed'))
);
--> statement-breakpoint
CREATE INDEX `pack_sessions_order_idx` ON `pack_sessions` (`order_id`);--> statement-breakpoint
CREATE TABLE `shipments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`carrier` text NOT NULL,
	`tracking_number` text NOT NULL,
	`actor` text NOT NULL,
	`shipped_at` integer NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `shipments_order_id_unique` ON `shipments` (`order_id`);--> statement-breakpoint
CREATE INDEX `shipments_tracking_idx` ON `shipments` (`carrier`,`tracking_number`);--> statement-breakpoint
CREATE TABLE `wave_lines` (
	`wave_id` integer NOT NULL,
	`order_id` integer NOT NULL,
	`sku_id` integer NOT NULL,
	`quantity` integer NOT NULL,
	PRIMARY KEY(`wave_id`, `order_id`, `sku_id`),
	FOREIGN KEY (`wave_id`) REFERENCES `waves`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sku_id`) REFERENCES `skus`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "wave_lines_qty_pos" CHECK("wave_lines"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE `wave_orders` (
	`wave_id` integer NOT NULL,
	`order_id` integer NOT NULL,
	`slot` integer NOT NULL,
	`removed_at` integer,
	`removed_reason` text,
	PRIMARY KEY(`wave_id`, `order_id`),
	FOREIGN KEY (`wave_id`) REFERENCES `waves`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `wave_orders_slot_uq` ON `wave_orders` (`wave_id`,`slot`);--> statement-breakpoint
CREATE INDEX `wave_orders_order_idx` ON `wave_orders` (`order_id`);--> statement-breakpoint
CREATE TABLE `wave_picks` (
	`wave_id` integer NOT NULL,
	`sku_id` integer NOT NULL,
	`picked` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`wave_id`, `sku_id`),
	FOREIGN KEY (`wave_id`) REFERENCES `waves`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sku_id`) REFERENCES `skus`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "wave_picks_nonneg" CHECK("wave_picks"."picked" >= 0)
);
--> statement-breakpoint
CREATE TABLE `waves` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`warehouse_id` integer NOT NULL,
	`filters_json` text DEFAULT '{}' NOT NULL,
	`actor` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`warehouse_id`) REFERENCES `warehouses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `waves_created_idx` ON `waves` (`created_at`);