CREATE TABLE `manual_order_requests` (
	`request_id` text PRIMARY KEY NOT NULL,
	`order_id` integer NOT NULL,
	`day` text NOT NULL,
	`seq` integer NOT NULL,
	`input_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "manual_order_requests_seq_pos" CHECK("manual_order_requests"."seq" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `manual_order_requests_day_seq_uq` ON `manual_order_requests` (`day`,`seq`);