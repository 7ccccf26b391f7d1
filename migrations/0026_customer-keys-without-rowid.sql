PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_customer_keys` (
	`customer_id` integer NOT NULL,
	`kind` text NOT NULL,
	`key` text NOT NULL,
	PRIMARY KEY(`kind`, `key`),
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `__new_customer_keys`("customer_id", "kind", "key") SELECT "customer_id", "kind", "key" FROM `customer_keys`;--> statement-breakpoint
DROP TABLE `customer_keys`;--> statement-breakpoint
ALTER TABLE `__new_customer_keys` RENAME TO `customer_keys`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `customer_keys_customer_idx` ON `customer_keys` (`customer_id`);