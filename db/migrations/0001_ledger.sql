CREATE TABLE `ledger_checkpoints` (
	`id` integer PRIMARY KEY NOT NULL,
	`origin` text NOT NULL,
	`size` integer NOT NULL,
	`root_hash` blob NOT NULL,
	`note` text NOT NULL,
	`signed_at` text NOT NULL,
	CONSTRAINT "ledger_checkpoints_root_size" CHECK(length("ledger_checkpoints"."root_hash") = 32)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ledger_checkpoints_size_unique` ON `ledger_checkpoints` (`size`);--> statement-breakpoint
CREATE TABLE `ledger_entries` (
	`idx` integer PRIMARY KEY NOT NULL,
	`entry` blob NOT NULL,
	`leaf_hash` blob NOT NULL,
	`record_key` text,
	`appended_at` text NOT NULL,
	CONSTRAINT "ledger_entries_leaf_hash_size" CHECK(length("ledger_entries"."leaf_hash") = 32),
	CONSTRAINT "ledger_entries_entry_size" CHECK(length("ledger_entries"."entry") <= 65535)
);
--> statement-breakpoint
CREATE INDEX `ledger_entries_record` ON `ledger_entries` (`record_key`);--> statement-breakpoint
CREATE TABLE `ledger_tile_hashes` (
	`level` integer NOT NULL,
	`idx` integer NOT NULL,
	`hash` blob NOT NULL,
	PRIMARY KEY(`level`, `idx`),
	CONSTRAINT "ledger_tile_hashes_size" CHECK(length("ledger_tile_hashes"."hash") = 32)
);
