-- hop schema version 4: presence days, weekly defaults, team presence days.

-- A person's location on one day.  The day's own entry wins over the weekly
-- default; no row and no default means "not set".
CREATE TABLE presence (
	person_id   INTEGER NOT NULL REFERENCES person(id),
	day         TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	location    TEXT NOT NULL CHECK (location IN ('office', 'home', 'mobile', 'away', 'trip')),
	note        TEXT CHECK (note IS NULL OR length(note) <= 200),
	set_by      INTEGER REFERENCES person(id),
	updated_at  TEXT NOT NULL,
	PRIMARY KEY (person_id, day)
) STRICT, WITHOUT ROWID;
-- The forecast reads a whole site's week: all rows of a few days.
CREATE INDEX presence_day ON presence(day, location);

-- The weekly default: weekday 1 = Monday .. 5 = Friday.
CREATE TABLE presence_default (
	person_id   INTEGER NOT NULL REFERENCES person(id),
	weekday     INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 5),
	location    TEXT NOT NULL CHECK (location IN ('office', 'home', 'mobile', 'away', 'trip')),
	PRIMARY KEY (person_id, weekday)
) STRICT, WITHOUT ROWID;

-- A team's presence days: a recurring weekday from from_day (until until_day,
-- inclusive, NULL = open), or one date.  Exactly one of weekday and day.
CREATE TABLE team_day (
	id          INTEGER PRIMARY KEY,
	team_id     INTEGER NOT NULL REFERENCES team(id),
	weekday     INTEGER CHECK (weekday BETWEEN 1 AND 5),
	day         TEXT CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	from_day    TEXT NOT NULL,
	until_day   TEXT,
	note        TEXT CHECK (note IS NULL OR length(note) <= 200),
	CHECK ((weekday IS NULL) <> (day IS NULL)),
	CHECK (until_day IS NULL OR until_day >= from_day)
) STRICT;
CREATE UNIQUE INDEX team_day_date ON team_day(team_id, day) WHERE day IS NOT NULL;
CREATE UNIQUE INDEX team_day_weekday ON team_day(team_id, weekday) WHERE weekday IS NOT NULL;
