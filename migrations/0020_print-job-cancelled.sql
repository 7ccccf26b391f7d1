-- print_jobs gets a 'cancelled' status (a person stopped a job before it was sent) and who/why/when.
-- SQLite cannot alter a CHECK, so the table is rebuilt; no table references print_jobs, so
-- dropping it inside the migration's transaction is safe (PRAGMA foreign_keys is ignored there).
CREATE TABLE `__new_print_jobs` (
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
	`last_fault` text,
	`maybe_printed` integer DEFAULT false NOT NULL,
	`reprint_of` integer,
	`reprint_reason` text,
	`cancelled_by` text,
	`cancel_reason` text,
	`cancelled_at` integer,
	`actor` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`done_at` integer,
	FOREIGN KEY (`printer_id`) REFERENCES `printers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "print_jobs_status" CHECK("__new_print_jobs"."status" in ('queued','printing','done','failed','cancelled'))
);
--> statement-breakpoint
INSERT INTO `__new_print_jobs`("id", "printer_id", "idempotency_key", "document", "order_id", "title", "format", "payload", "request_json", "status", "attempts", "max_attempts", "next_run_at", "send_started_at", "last_error", "last_fault", "maybe_printed", "reprint_of", "reprint_reason", "cancelled_by", "cancel_reason", "cancelled_at", "actor", "created_at", "updated_at", "done_at") SELECT "id", "printer_id", "idempotency_key", "document", "order_id", "title", "format", "payload", "request_json", "status", "attempts", "max_attempts", "next_run_at", "send_started_at", "last_error", "last_fault", "maybe_printed", "reprint_of", "reprint_reason", NULL, NULL, NULL, "actor", "created_at", "updated_at", "done_at" FROM `print_jobs`;--> statement-breakpoint
DROP TABLE `print_jobs`;--> statement-breakpoint
ALTER TABLE `__new_print_jobs` RENAME TO `print_jobs`;--> statement-breakpoint
CREATE UNIQUE INDEX `print_jobs_idempotency_key_unique` ON `print_jobs` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `print_jobs_due_idx` ON `print_jobs` (`status`,`next_run_at`);--> statement-breakpoint
CREATE INDEX `print_jobs_created_idx` ON `print_jobs` (`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `print_jobs_order_idx` ON `print_jobs` (`order_id`);