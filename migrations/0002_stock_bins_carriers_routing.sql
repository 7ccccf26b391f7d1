CREATE TABLE `sku_barcodes` (
	`barcode` text PRIMARY KEY NOT NULL,
	`sku_id` integer NOT NULL,
	FOREIGN KEY (`sku_id`) REFERENCES `skus`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `sku_components` (
	`bundle_sku_id` integer NOT NULL,
	`component_sku_id` integer NOT NULL,
	`quantity` integer NOT NULL,
	PRIMARY KEY(`bundle_sku_id`, `component_sku_id`),
	FOREIGN KEY (`bundle_sku_id`) REFERENCES `skus`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`component_sku_id`) REFERENCES `skus`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "sku_components_qty_pos" CHECK("sku_components"."quantity" > 0),
	CONSTRAINT "sku_components_not_self" CHECK("sku_components"."bundle_sku_id" <> "sku_components"."component_sku_id")
);
--> statement-breakpoint
CREATE INDEX `sku_components_component_idx` ON `sku_components` (`component_sku_id`);--> statement-breakpoint
CREATE TABLE `bins` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`warehouse_id` integer NOT NULL,
	`code` text NOT NULL,
	`sequence` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`warehouse_id`) REFERENCES `warehouses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bins_warehouse_code_uq` ON `bins` (`warehouse_id`,`code`);--> statement-breakpoint
CREATE TABLE `sku_bins` (
	`warehouse_id` integer NOT NULL,
	`sku_id` integer NOT NULL,
	`bin_id` integer NOT NULL,
	PRIMARY KEY(`warehouse_id`, `sku_id`),
	FOREIGN KEY (`warehouse_id`) REFERENCES `warehouses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sku_id`) REFERENCES `skus`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`bin_id`) REFERENCES `bins`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `stock_alerts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`warehouse_id` integer NOT NULL,
	`sku_id` integer NOT NULL,
	`available` integer NOT NULL,
	`threshold` integer NOT NULL,
	`suggestions_json` text DEFAULT '[]' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`resolved_at` integer,
	FOREIGN KEY (`warehouse_id`) REFERENCES `warehouses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sku_id`) REFERENCES `skus`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "stock_alerts_kind" CHECK("stock_alerts"."kind" in ('low_stock','backorder'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stock_alerts_open_uq` ON `stock_alerts` (`warehouse_id`,`sku_id`,`kind`) WHERE resolved_at is null;--> statement-breakpoint
CREATE INDEX `stock_alerts_created_idx` ON `stock_alerts` (`created_at`);--> statement-breakpoint
CREATE TABLE `stock_thresholds` (
	`warehouse_id` integer NOT NULL,
	`sku_id` integer NOT NULL,
	`min_available` integer NOT NULL,
	PRIMARY KEY(`warehouse_id`, `sku_id`),
	FOREIGN KEY (`warehouse_id`) REFERENCES `warehouses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sku_id`) REFERENCES `skus`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "stock_thresholds_nonneg" CHECK("stock_thresholds"."min_available" >= 0)
);
--> statement-breakpoint
CREATE TABLE `allocations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`at` integer NOT NULL,
	`actor` text NOT NULL,
	`outcome` text NOT NULL,
	`warehouse_id` integer,
	`carrier` text,
	`shipping_minor` integer,
	`handling_minor` integer,
	`currency` text DEFAULT 'CNY' NOT NULL,
	`reasons_json` text DEFAULT '[]' NOT NULL,
	`alternatives_json` text DEFAULT '[]' NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`warehouse_id`) REFERENCES `warehouses`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "allocations_outcome" CHECK("allocations"."outcome" in ('allocated','backordered','exception','split'))
);
--> statement-breakpoint
CREATE INDEX `allocations_order_idx` ON `allocations` (`order_id`,`id`);--> statement-breakpoint
CREATE TABLE `carrier_rates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`carrier_id` integer NOT NULL,
	`zone` text NOT NULL,
	`max_weight_grams` integer NOT NULL,
	`first_weight_grams` integer NOT NULL,
	`first_minor` integer NOT NULL,
	`step_grams` integer NOT NULL,
	`step_minor` integer NOT NULL,
	`surcharge_minor` integer DEFAULT 0 NOT NULL,
	`transit_days` integer NOT NULL,
	`currency` text DEFAULT 'CNY' NOT NULL,
	FOREIGN KEY (`carrier_id`) REFERENCES `carriers`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "carrier_rates_nonneg" CHECK("carrier_rates"."first_minor" >= 0 and "carrier_rates"."step_minor" >= 0 and "carrier_rates"."surcharge_minor" >= 0 and "carrier_rates"."transit_days" >= 0),
	CONSTRAINT "carrier_rates_weights" CHECK("carrier_rates"."max_weight_grams" > 0 and "carrier_rates"."first_weight_grams" > 0 and "carrier_rates"."step_grams" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `carrier_rates_uq` ON `carrier_rates` (`carrier_id`,`zone`,`max_weight_grams`);--> statement-breakpoint
CREATE TABLE `carriers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`mode` text DEFAULT 'ground' NOT NULL,
	`service_level` text DEFAULT 'standard' NOT NULL,
	`cold_chain` integer DEFAULT false NOT NULL,
	`freight` integer DEFAULT false NOT NULL,
	`battery_allowed` integer DEFAULT false NOT NULL,
	`cod` integer DEFAULT false NOT NULL,
	`volumetric_divisor` integer DEFAULT 6000 NOT NULL,
	`max_weight_grams` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "carriers_mode" CHECK("carriers"."mode" in ('ground','air')),
	CONSTRAINT "carriers_divisor_pos" CHECK("carriers"."volumetric_divisor" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `carriers_code_unique` ON `carriers` (`code`);--> statement-breakpoint
CREATE TABLE `order_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`source_order_id` integer NOT NULL,
	`target_order_id` integer NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`source_order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`target_order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "order_links_kind" CHECK("order_links"."kind" in ('merge','split'))
);
--> statement-breakpoint
CREATE INDEX `order_links_source_idx` ON `order_links` (`source_order_id`);--> statement-breakpoint
CREATE INDEX `order_links_target_idx` ON `order_links` (`target_order_id`);--> statement-breakpoint
CREATE TABLE `region_warehouses` (
	`region` text NOT NULL,
	`warehouse_id` integer NOT NULL,
	`rank` integer NOT NULL,
	PRIMARY KEY(`region`, `warehouse_id`),
	FOREIGN KEY (`warehouse_id`) REFERENCES `warehouses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `routing_settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `skus` ADD `length_mm` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `skus` ADD `width_mm` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `skus` ADD `height_mm` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `skus` ADD `cold_chain` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `skus` ADD `bulky` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `skus` ADD `fragile` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `skus` ADD `battery` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `skus` ADD `liquid` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `skus` ADD `safety_stock` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `warehouses` ADD `handling_minor` integer DEFAULT 0 NOT NULL;