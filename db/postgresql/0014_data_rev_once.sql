-- hop schema version 14 for PostgreSQL: data_rev once per transaction (the
-- same step as db/sqlite/0014_data_rev_once.sql, which changes nothing).
--
-- Each UPDATE of data_rev's one row makes a new version of it that no one
-- may remove while the transaction runs, and the next UPDATE in the same
-- transaction finds its row at the end of that chain: a transaction of n
-- writes to feed tables walked n²/2 versions (20,000 inserts of a demo: 36 s
-- instead of 6).  Bumping once per transaction is all that anyone reads from
-- n: a reader sees a transaction's changes when it commits, all at once, and
-- the writer's own driver counts its changes itself (db_mark).  The flag is a
-- setting local to the transaction; a savepoint rolled back takes it back
-- with the bump.

CREATE OR REPLACE FUNCTION hop_data_rev() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF coalesce(current_setting('hop.data_rev_bumped', true), '') <> 'yes'
	   AND EXISTS (SELECT 1 FROM changed) THEN
		UPDATE data_rev SET n = n + 1 WHERE id = 1;
		PERFORM set_config('hop.data_rev_bumped', 'yes', true);
	END IF;
	RETURN NULL;
END $$;
