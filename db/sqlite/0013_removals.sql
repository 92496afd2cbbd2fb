-- hop schema version 13: removals reach the calendars.
--
-- A cancelled booking stays in the feeds as a cancelled event for [feeds]
-- keep_cancelled_days; a presence day cleared and a team day removed did
-- simply vanish.  Both now stay as cancelled events (same UID, a higher
-- SEQUENCE) for as long.

-- The day each presence slot last changed: a day whose location is gone
-- (its entry cleared, its weekly default removed, the booking that made it
-- an office day cancelled) is a cancelled event until keep_cancelled_days
-- after that day.  NULL for changes made before this version, long past.
ALTER TABLE presence_rev ADD COLUMN changed_on TEXT
	CHECK (changed_on IS NULL OR changed_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');

-- What is left of a team day for the calendars once it is removed, or once
-- a recurring one no longer covers some of its days (its period changed):
-- the stretch it no longer covers, the id its events had (their UIDs), the
-- SEQUENCE the cancellation carries, and when it was removed.  A row is in
-- the feeds for keep_cancelled_days after removed_on; the purge deletes it
-- with the other old days.  team_day_id refers to a row that may be gone,
-- so it is no foreign key.
CREATE TABLE team_day_removed (
	id          INTEGER PRIMARY KEY,
	team_day_id INTEGER NOT NULL,
	team_id     INTEGER NOT NULL REFERENCES team(id),
	weekday     INTEGER CHECK (weekday BETWEEN 1 AND 5),
	day         TEXT CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	from_day    TEXT NOT NULL,
	until_day   TEXT,
	sequence    INTEGER NOT NULL,
	removed_on  TEXT NOT NULL
	            CHECK (removed_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	CHECK ((weekday IS NULL) <> (day IS NULL)),
	CHECK (until_day IS NULL OR until_day >= from_day)
) STRICT;
-- The feeds read a team's removals of the last keep_cancelled_days.
CREATE INDEX team_day_removed_team ON team_day_removed(team_id, removed_on);

CREATE TRIGGER team_day_removed_rev_update AFTER UPDATE ON team_day_removed BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER team_day_removed_rev_delete AFTER DELETE ON team_day_removed BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
