DROP INDEX `ledger_entries_record`;--> statement-breakpoint
ALTER TABLE `ledger_entries` DROP COLUMN `record_key`;