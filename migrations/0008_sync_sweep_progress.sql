ALTER TABLE `sync_state` ADD `sweep_kind` text;--> statement-breakpoint
ALTER TABLE `sync_state` ADD `sweep_since` integer;--> statement-breakpoint
ALTER TABLE `sync_state` ADD `sweep_cursor` text;--> statement-breakpoint
ALTER TABLE `sync_state` ADD `sweep_started_at` integer;--> statement-breakpoint
ALTER TABLE `sync_state` ADD `sweep_max_at` integer;