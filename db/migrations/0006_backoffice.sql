CREATE TABLE `publish_jobs` (
	`id` integer PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`requested_by` integer,
	`batch_id` integer,
	`status` text NOT NULL,
	`step` text,
	`log` text DEFAULT '' NOT NULL,
	`error` text,
	`build_dir` text,
	`started_at` text,
	`finished_at` text,
	`seconds` real
);
--> statement-breakpoint
CREATE INDEX `publish_jobs_status` ON `publish_jobs` (`status`);--> statement-breakpoint
CREATE TABLE `upload_reports` (
	`id` integer PRIMARY KEY NOT NULL,
	`at` text NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`file_name` text NOT NULL,
	`bytes` integer NOT NULL,
	`ok` integer NOT NULL,
	`batch_id` integer,
	`rows` integer NOT NULL,
	`total_fen` integer,
	`encoding` text,
	`issue_count` integer NOT NULL,
	`issues` text NOT NULL,
	`notices` text NOT NULL,
	`seconds` real NOT NULL
);
--> statement-breakpoint
CREATE INDEX `upload_reports_user` ON `upload_reports` (`user_id`);