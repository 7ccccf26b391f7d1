-- E-waybill accounts become unique per (carrier, platform) instead of per carrier, and both tables
-- accept the 'pdd' (and, ahead of its client, 'douyin') platforms; a waybill row may have no
-- account while it is 'failed' (a PDD order whose carrier has no PDD account yet) or 'cancelled'.
-- SQLite cannot alter a CHECK or drop a column's UNIQUE, so both tables are rebuilt, keeping every
-- row and id. Migrations run inside one transaction, where PRAGMA foreign_keys=OFF is ignored and
-- dropping waybill_accounts (the parent of waybills) would fail: as in 0014 the checks are
-- deferred to commit and the accounts come back under the same ids before anything is checked.
PRAGMA defer_foreign_keys=ON;--> statement-breakpoint
CREATE TABLE `__old_waybill_accounts` AS SELECT * FROM `waybill_accounts`;--> statement-breakpoint
DROP TABLE `waybill_accounts`;--> statement-breakpoint
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
	CONSTRAINT "waybill_accounts_platform" CHECK("waybill_accounts"."platform" in ('cainiao','pdd','douyin'))
);
--> statement-breakpoint
INSERT INTO `waybill_accounts`("id", "carrier", "platform", "cp_code", "template_url", "sender_json", "store_code", "gateway_url", "active", "secret_backend", "secret_ciphertext", "secret_updated_at", "created_at", "updated_at") SELECT "id", "carrier", "platform", "cp_code", "template_url", "sender_json", "store_code", "gateway_url", "active", "secret_backend", "secret_ciphertext", "secret_updated_at", "created_at", "updated_at" FROM `__old_waybill_accounts`;--> statement-breakpoint
DROP TABLE `__old_waybill_accounts`;--> statement-breakpoint
CREATE UNIQUE INDEX `waybill_accounts_carrier_platform_uq` ON `waybill_accounts` (`carrier`,`platform`);--> statement-breakpoint
CREATE TABLE `__new_waybills` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`account_id` integer,
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
	CONSTRAINT "waybills_state" CHECK("__new_waybills"."state" in ('pending','active','failed','cancelling','cancelled')),
	CONSTRAINT "waybills_platform" CHECK("__new_waybills"."platform" in ('cainiao','pdd','douyin')),
	CONSTRAINT "waybills_account" CHECK("__new_waybills"."account_id" is not null or "__new_waybills"."state" in ('failed','cancelled'))
);
--> statement-breakpoint
INSERT INTO `__new_waybills`("id", "order_id", "account_id", "carrier", "platform", "cp_code", "package_id", "waybill_code", "parent_waybill_code", "print_data", "state", "print_when_ready", "attempts", "next_run_at", "last_error", "created_at", "updated_at", "fetched_at", "cancelled_at") SELECT "id", "order_id", "account_id", "carrier", "platform", "cp_code", "package_id", "waybill_code", "parent_waybill_code", "print_data", "state", "print_when_ready", "attempts", "next_run_at", "last_error", "created_at", "updated_at", "fetched_at", "cancelled_at" FROM `waybills`;--> statement-breakpoint
DROP TABLE `waybills`;--> statement-breakpoint
ALTER TABLE `__new_waybills` RENAME TO `waybills`;--> statement-breakpoint
CREATE UNIQUE INDEX `waybills_package_id_unique` ON `waybills` (`package_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `waybills_waybill_code_unique` ON `waybills` (`waybill_code`);--> statement-breakpoint
CREATE UNIQUE INDEX `waybills_order_live_uq` ON `waybills` (`order_id`) WHERE "waybills"."state" in ('pending','active','failed');--> statement-breakpoint
CREATE INDEX `waybills_order_idx` ON `waybills` (`order_id`);--> statement-breakpoint
CREATE INDEX `waybills_due_idx` ON `waybills` (`state`,`next_run_at`);