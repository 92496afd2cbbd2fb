-- hop schema version 3: closure days imported from iCalendar files.

-- One row per closed day and event: a closure of several days is one row a
-- day, so that "is this day closed?" is one index look-up.  The event's UID
-- (and the site) identify it across imports: importing the same file again
-- updates these rows instead of adding new ones.
CREATE TABLE closure (
	id          INTEGER PRIMARY KEY,
	day         TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	-- NULL: the whole organisation is closed; else only this site.
	site_id     INTEGER REFERENCES site(id),
	summary     TEXT NOT NULL CHECK (length(summary) BETWEEN 1 AND 200),
	uid         TEXT NOT NULL CHECK (length(uid) BETWEEN 1 AND 255),
	-- The file the day came from and when, for 'hop holidays' and the audit log.
	source      TEXT NOT NULL,
	imported_at TEXT NOT NULL
) STRICT;
-- UNIQUE (day, site_id, uid) would let NULL sites repeat: key on coalesce.
CREATE UNIQUE INDEX closure_key ON closure(coalesce(site_id, 0), uid, day);
CREATE INDEX closure_day ON closure(day);
