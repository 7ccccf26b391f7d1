CREATE TABLE `waybill_accounts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`carrier` text NOT NULL,
	`platform` text DEFAULT 'cainiao' NOT NULL,
	`cp_code` text NOT NULL,
	`template_url` text NOT NULL,
	`sender_json` text NOT NULL,
	`store_code` text DEFAULT '' NOT NULL,
	`gateway_url` text DEFAULT '' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`secret_backend` text,
	`secret_ciphertext` blob,
	`secret_updated_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "waybill_accounts_platform" CHECK("waybill_accounts"."platform" in ('cainiao'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `waybill_accounts_carrier_unique` ON `waybill_accounts` (`carrier`);--> statement-breakpoint
CREATE TABLE `waybills` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`account_id` integer NOT NULL,
	`carrier` text NOT NULL,
	`platform` text NOT NULL,
	`cp_code` text NOT NULL,
	`package_id` text NOT NULL,
	`waybill_code` text,
	`parent_waybill_code` text,
	`print_data` text,
	`state` text DEFAULT 'pending' NOT NULL,
	`print_when_ready` integer DEFAULT false NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_run_at` integer,
	`last_error` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`fetched_at` integer,
	`cancelled_at` integer,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`account_id`) REFERENCES `waybill_accounts`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "waybills_state" CHECK("waybills"."state" in ('pending','active','failed','cancelling','cancelled')),
	CONSTRAINT "waybills_platform" CHECK("waybills"."platform" in ('cainiao'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `waybills_package_id_unique` ON `waybills` (`package_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `waybills_waybill_code_unique` ON `waybills` (`waybill_code`);--> statement-breakpoint
CREATE UNIQUE INDEX `waybills_order_live_uq` ON `waybills` (`order_id`) WHERE "waybills"."state" in ('pending','active','failed');--> statement-breakpoint
CREATE INDEX `waybills_order_idx` ON `waybills` (`order_id`);--> statement-breakpoint
CREATE INDEX `waybills_due_idx` ON `waybills` (`state`,`next_run_at`);