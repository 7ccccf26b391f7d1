CREATE TABLE `review_decisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`at` integer NOT NULL,
	`outcome` text NOT NULL,
	`source` text NOT NULL,
	`reasons_json` text DEFAULT '[]' NOT NULL,
	`rule_ids_json` text DEFAULT '[]' NOT NULL,
	`actor` text NOT NULL,
	`duration_ms` integer,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `review_decisions_order_idx` ON `review_decisions` (`order_id`,`id`);--> statement-breakpoint
CREATE INDEX `review_decisions_at_idx` ON `review_decisions` (`at`);--> statement-breakpoint
CREATE TABLE `review_rules` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`position` integer NOT NULL,
	`priority` integer DEFAULT 0 NOT NULL,
	`condition_json` text NOT NULL,
	`actions_json` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `review_rules_position_idx` ON `review_rules` (`position`,`id`);--> statement-breakpoint
ALTER TABLE `orders` ADD `buyer_id_number` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `priority` integer DEFAULT 0 NOT NULL;