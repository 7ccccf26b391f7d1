ALTER TABLE `print_jobs` ADD `maybe_printed` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- Failed jobs that stopped while sending (crash) or that the printer hung up on may have printed.
UPDATE `print_jobs` SET `maybe_printed` = 1 WHERE `status` = 'failed' AND `last_fault` IN ('interrupted', 'closed_mid_job');
