CREATE TABLE `channel_secrets` (
	`channel_id` integer PRIMARY KEY NOT NULL,
	`backend` text NOT NULL,
	`ciphertext` blob NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`channel_id`) REFERENCES `channels`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `sync_state` (
	`channel_id` integer PRIMARY KEY NOT NULL,
	`cursor_at` integer,
	`last_full_at` integer,
	`last_run_at` integer,
	`last_success_at` integer,
	`imported` integer DEFAULT 0 NOT NULL,
	`updated` integer DEFAULT 0 NOT NULL,
	`unchanged` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`state` text DEFAULT 'idle' NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`channel_id`) REFERENCES `channels`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "sync_state_state" CHECK("sync_state"."state" in ('idle','running','ok','error','offline'))
);
