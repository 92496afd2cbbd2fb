-- hop schema version 5: iCalendar SEQUENCE for presence days and team days.

-- When each of a person's presence "slots" last changed: a day's own entry
-- (slot = the day, 'YYYY-MM-DD') or the weekly default of a weekday (slot =
-- 'W1' .. 'W5').  A day's SEQUENCE in the feeds is the larger of its day's
-- and its weekday's rev.  Every change writes the person's largest rev so far
-- plus one into a slot that some day's SEQUENCE reads, and a row stays when
-- the entry itself is cleared, so a day's SEQUENCE only ever grows, also when
-- it falls back from its own entry to the weekly default.
CREATE TABLE presence_rev (
	person_id   INTEGER NOT NULL REFERENCES person(id),
	slot        TEXT NOT NULL CHECK (slot GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
	                                 OR slot IN ('W1', 'W2', 'W3', 'W4', 'W5')),
	rev         INTEGER NOT NULL CHECK (rev > 0),
	PRIMARY KEY (person_id, slot)
) STRICT, WITHOUT ROWID;

-- A team day's note or period can change in place (same id, same UIDs).
ALTER TABLE team_day ADD COLUMN sequence INTEGER NOT NULL DEFAULT 0;
