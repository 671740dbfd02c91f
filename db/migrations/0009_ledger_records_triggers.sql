-- ledger_records maps published records to their ledger entries (issue 7). Like the ledger
-- itself it is append-only, and each new version of a record must be the next one.
-- Written by hand (drizzle-kit generate --custom).
CREATE TRIGGER ledger_records_no_update BEFORE UPDATE ON ledger_records
BEGIN SELECT RAISE(ABORT, 'ledger_records is append-only: UPDATE refused'); END;
--> statement-breakpoint
CREATE TRIGGER ledger_records_no_delete BEFORE DELETE ON ledger_records
BEGIN SELECT RAISE(ABORT, 'ledger_records is append-only: DELETE refused'); END;
--> statement-breakpoint
CREATE TRIGGER ledger_records_next_version BEFORE INSERT ON ledger_records
WHEN NEW.version IS NOT (SELECT coalesce(max(version), 0) + 1 FROM ledger_records WHERE kind = NEW.kind AND record_id = NEW.record_id)
BEGIN SELECT RAISE(ABORT, 'ledger_records: each version of a record must be the next one'); END;
