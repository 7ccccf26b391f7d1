CREATE TABLE `channel_folder_state` (
	`channel_id` integer PRIMARY KEY NOT NULL,
	`last_scan_at` integer,
	`last_file` text,
	`last_status` text,
	`last_message` text,
	`files_imported` integer DEFAULT 0 NOT NULL,
	`files_failed` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`channel_id`) REFERENCES `channels`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `skus` ADD `presale_ship_date` text;--> statement-breakpoint
ALTER TABLE `bins` ADD `active` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `order_lines` ADD `presale_ship_date` text;