CREATE TABLE `ledger_records` (
	`kind` text NOT NULL,
	`record_id` text NOT NULL,
	`version` integer NOT NULL,
	`idx` integer NOT NULL,
	PRIMARY KEY(`kind`, `record_id`, `version`),
	FOREIGN KEY (`idx`) REFERENCES `ledger_entries`(`idx`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ledger_records_idx_unique` ON `ledger_records` (`idx`);