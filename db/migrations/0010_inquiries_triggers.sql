-- The inquiries' handling slip is append-only (issue 5: "everything is logged: who did
-- what, when"): UPDATE and DELETE on inquiry_events are refused. Written by hand
-- (drizzle-kit generate --custom).
CREATE TRIGGER inquiry_events_no_update BEFORE UPDATE ON inquiry_events
BEGIN SELECT RAISE(ABORT, 'inquiry_events is append-only: UPDATE refused'); END;
--> statement-breakpoint
CREATE TRIGGER inquiry_events_no_delete BEFORE DELETE ON inquiry_events
BEGIN SELECT RAISE(ABORT, 'inquiry_events is append-only: DELETE refused'); END;
