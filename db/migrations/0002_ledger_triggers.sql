-- The ledger is append-only (issue 7): UPDATE and DELETE are refused on its three tables,
-- entry and tile-hash indexes are gapless (which also defeats INSERT OR REPLACE), and each
-- checkpoint must be larger than the last. Written by hand (drizzle-kit generate --custom).
CREATE TRIGGER ledger_entries_no_update BEFORE UPDATE ON ledger_entries
BEGIN SELECT RAISE(ABORT, 'ledger_entries is append-only: UPDATE refused'); END;
--> statement-breakpoint
CREATE TRIGGER ledger_entries_no_delete BEFORE DELETE ON ledger_entries
BEGIN SELECT RAISE(ABORT, 'ledger_entries is append-only: DELETE refused'); END;
--> statement-breakpoint
CREATE TRIGGER ledger_entries_next_index BEFORE INSERT ON ledger_entries
WHEN NEW.idx IS NOT (SELECT coalesce(max(idx) + 1, 0) FROM ledger_entries)
BEGIN SELECT RAISE(ABORT, 'ledger_entries: each entry must take the next index'); END;
--> statement-breakpoint
CREATE TRIGGER ledger_tile_hashes_no_update BEFORE UPDATE ON ledger_tile_hashes
BEGIN SELECT RAISE(ABORT, 'ledger_tile_hashes is append-only: UPDATE refused'); END;
--> statement-breakpoint
CREATE TRIGGER ledger_tile_hashes_no_delete BEFORE DELETE ON ledger_tile_hashes
BEGIN SELECT RAISE(ABORT, 'ledger_tile_hashes is append-only: DELETE refused'); END;
--> statement-breakpoint
CREATE TRIGGER ledger_tile_hashes_next_index BEFORE INSERT ON ledger_tile_hashes
WHEN NEW.idx IS NOT (SELECT coalesce(max(idx) + 1, 0) FROM ledger_tile_hashes WHERE level = NEW.level)
BEGIN SELECT RAISE(ABORT, 'ledger_tile_hashes: each hash must take the next index of its level'); END;
--> statement-breakpoint
CREATE TRIGGER ledger_checkpoints_no_update BEFORE UPDATE ON ledger_checkpoints
BEGIN SELECT RAISE(ABORT, 'ledger_checkpoints is append-only: UPDATE refused'); END;
--> statement-breakpoint
CREATE TRIGGER ledger_checkpoints_no_delete BEFORE DELETE ON ledger_checkpoints
BEGIN SELECT RAISE(ABORT, 'ledger_checkpoints is append-only: DELETE refused'); END;
--> statement-breakpoint
CREATE TRIGGER ledger_checkpoints_grow BEFORE INSERT ON ledger_checkpoints
WHEN NEW.size <= (SELECT max(size) FROM ledger_checkpoints)
BEGIN SELECT RAISE(ABORT, 'ledger_checkpoints: a checkpoint must be larger than the last one'); END;
