CREATE TABLE `answer_feedback` (
	`id` integer PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `inquiries` (
	`id` integer PRIMARY KEY NOT NULL,
	`tracking_no` text NOT NULL,
	`code_hash` text NOT NULL,
	`category` text NOT NULL,
	`requester` text DEFAULT 'person' NOT NULL,
	`department_code` text,
	`record` text,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`contact_name` text,
	`contact_phone` text,
	`status` text DEFAULT 'received' NOT NULL,
	`received_at` text NOT NULL,
	`received_date` text NOT NULL,
	`deadline` text NOT NULL,
	`deadline_days` integer NOT NULL,
	`extended` integer DEFAULT false NOT NULL,
	`answered_at` text,
	`answered_date` text,
	`outcome` text,
	`verdict` text,
	`rating` integer,
	`public_subject` text,
	`public_body` text,
	`published` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `inquiries_tracking_no_unique` ON `inquiries` (`tracking_no`);--> statement-breakpoint
CREATE INDEX `inquiries_status` ON `inquiries` (`status`);--> statement-breakpoint
CREATE INDEX `inquiries_department` ON `inquiries` (`department_code`);--> statement-breakpoint
CREATE INDEX `inquiries_received` ON `inquiries` (`received_date`);--> statement-breakpoint
CREATE INDEX `inquiries_published` ON `inquiries` (`published`);--> statement-breakpoint
CREATE TABLE `inquiry_answers` (
	`id` integer PRIMARY KEY NOT NULL,
	`inquiry_id` integer NOT NULL,
	`body_md` text NOT NULL,
	`department_code` text,
	`author_id` integer,
	`author_name` text,
	`state` text DEFAULT 'in_review' NOT NULL,
	`reviewer_id` integer,
	`review_note` text,
	`created_at` text NOT NULL,
	`reviewed_at` text,
	FOREIGN KEY (`inquiry_id`) REFERENCES `inquiries`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `inquiry_answers_inquiry` ON `inquiry_answers` (`inquiry_id`);--> statement-breakpoint
CREATE TABLE `inquiry_events` (
	`id` integer PRIMARY KEY NOT NULL,
	`inquiry_id` integer NOT NULL,
	`at` text NOT NULL,
	`action` text NOT NULL,
	`actor_id` integer,
	`actor_name` text,
	`from_department` text,
	`to_department` text,
	`note` text,
	FOREIGN KEY (`inquiry_id`) REFERENCES `inquiries`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `inquiry_events_inquiry` ON `inquiry_events` (`inquiry_id`);