CREATE TABLE `townships` (
	`id` integer PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`batch_id` integer NOT NULL,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `townships_code_unique` ON `townships` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `townships_name_unique` ON `townships` (`name`);--> statement-breakpoint
CREATE TABLE `villages` (
	`id` integer PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`township_id` integer NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`batch_id` integer NOT NULL,
	FOREIGN KEY (`township_id`) REFERENCES `townships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `villages_code_unique` ON `villages` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `villages_township_name` ON `villages` (`township_id`,`name`);--> statement-breakpoint
CREATE TABLE `budget_lines` (
	`id` integer PRIMARY KEY NOT NULL,
	`batch_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`year` integer NOT NULL,
	`classification` text NOT NULL,
	`subject_code` text NOT NULL,
	`subject_name` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`san_gong` text,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `budget_units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `budget_lines_key` ON `budget_lines` (`unit_id`,`year`,`classification`,`subject_code`);--> statement-breakpoint
CREATE TABLE `budget_units` (
	`id` integer PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`batch_id` integer NOT NULL,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `budget_units_code_unique` ON `budget_units` (`code`);--> statement-breakpoint
CREATE TABLE `import_batches` (
	`id` integer PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`file_name` text NOT NULL,
	`file_sha256` text NOT NULL,
	`encoding` text NOT NULL,
	`rows` integer NOT NULL,
	`total_fen` integer,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`status` text NOT NULL,
	`reviewed_by` text,
	`reviewed_at` text,
	`review_note` text,
	`group_id` text
);
--> statement-breakpoint
CREATE INDEX `import_batches_sha` ON `import_batches` (`file_sha256`);--> statement-breakpoint
CREATE INDEX `import_batches_status` ON `import_batches` (`status`);--> statement-breakpoint
CREATE TABLE `disbursements` (
	`id` integer PRIMARY KEY NOT NULL,
	`batch_id` integer NOT NULL,
	`fund_id` integer NOT NULL,
	`recipient_id` integer NOT NULL,
	`village_id` integer NOT NULL,
	`amount_fen` integer NOT NULL,
	`approved_on` text NOT NULL,
	`paid_on` text NOT NULL,
	`channel` text NOT NULL,
	`repeat_seq` integer DEFAULT 0 NOT NULL,
	`source_row` integer NOT NULL,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`fund_id`) REFERENCES `funds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recipient_id`) REFERENCES `recipients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `disbursements_village_fund` ON `disbursements` (`village_id`,`fund_id`);--> statement-breakpoint
CREATE INDEX `disbursements_fund` ON `disbursements` (`fund_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `disbursements_payment` ON `disbursements` (`recipient_id`,`fund_id`,`paid_on`,`amount_fen`,`repeat_seq`);--> statement-breakpoint
CREATE TABLE `funds` (
	`id` integer PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`year` integer NOT NULL,
	`office` text NOT NULL,
	`policy_basis` text NOT NULL,
	`kind` text NOT NULL,
	`publish_deadline` text,
	`name_display` text DEFAULT 'masked' NOT NULL,
	`batch_id` integer NOT NULL,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `funds_code_unique` ON `funds` (`code`);--> statement-breakpoint
CREATE TABLE `projects` (
	`id` integer PRIMARY KEY NOT NULL,
	`batch_id` integer NOT NULL,
	`fund_id` integer NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`township_id` integer NOT NULL,
	`village_id` integer,
	`place` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`contractor` text NOT NULL,
	`approved_on` text,
	`paid_on` text,
	`start_on` text,
	`end_on` text,
	`status` text NOT NULL,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`fund_id`) REFERENCES `funds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`township_id`) REFERENCES `townships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `projects_code` ON `projects` (`code`);--> statement-breakpoint
CREATE INDEX `projects_fund` ON `projects` (`fund_id`);--> statement-breakpoint
CREATE TABLE `recipient_names` (
	`recipient_id` integer PRIMARY KEY NOT NULL,
	`full_name` text NOT NULL,
	FOREIGN KEY (`recipient_id`) REFERENCES `recipients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `recipients` (
	`id` integer PRIMARY KEY NOT NULL,
	`id_hash` text NOT NULL,
	`id_masked` text NOT NULL,
	`name_masked` text NOT NULL,
	`village_id` integer NOT NULL,
	`household_no` text NOT NULL,
	`batch_id` integer NOT NULL,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `recipients_id_hash_unique` ON `recipients` (`id_hash`);--> statement-breakpoint
CREATE INDEX `recipients_village` ON `recipients` (`village_id`,`household_no`);--> statement-breakpoint
CREATE TABLE `institutions` (
	`id` integer PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`parent` text DEFAULT '' NOT NULL,
	`leader_posts` integer NOT NULL,
	`batch_id` integer NOT NULL,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `institutions_code_unique` ON `institutions` (`code`);--> statement-breakpoint
CREATE TABLE `quotas` (
	`id` integer PRIMARY KEY NOT NULL,
	`batch_id` integer NOT NULL,
	`institution_id` integer NOT NULL,
	`type` text NOT NULL,
	`approved` integer NOT NULL,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`institution_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `quotas_key` ON `quotas` (`institution_id`,`type`);--> statement-breakpoint
CREATE TABLE `staff` (
	`id` integer PRIMARY KEY NOT NULL,
	`batch_id` integer NOT NULL,
	`institution_id` integer NOT NULL,
	`name` text NOT NULL,
	`gender` text NOT NULL,
	`quota_type` text NOT NULL,
	`post` text NOT NULL,
	`id_hash` text NOT NULL,
	`joined_on` text,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`institution_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_id_hash_unique` ON `staff` (`id_hash`);--> statement-breakpoint
CREATE INDEX `staff_institution` ON `staff` (`institution_id`);