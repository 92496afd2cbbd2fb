-- hop schema version 14: nothing changes in SQLite.  PostgreSQL's data_rev
-- is bumped once per transaction instead of once per statement (see
-- db/postgresql/0014_data_rev_once.sql): an update of one row, repeated in
-- one transaction, left a chain of row versions that every further update
-- walked, so that a transaction of many writes (a demo, an import, a copy)
-- took time by the square of its writes.  SQLite's triggers update the row
-- in place and stay as they are.
SELECT 1;
