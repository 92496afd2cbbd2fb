-- hop schema version 6: team membership over time.

-- A person's team for a period: their post, a trainee station, a secondment
-- (Abordnung) or an acting post (Vertretung).  start_on and end_on are the
-- first and the last day (inclusive; end_on NULL = open).  person.team_id
-- stays as the cache of the team a person is in today (or joins on their
-- start date), which core keeps in step with these rows.
CREATE TABLE membership (
	id          INTEGER PRIMARY KEY,
	person_id   INTEGER NOT NULL REFERENCES person(id),
	team_id     INTEGER NOT NULL REFERENCES team(id),
	kind        TEXT NOT NULL DEFAULT 'post'
	            CHECK (kind IN ('post', 'station', 'secondment', 'acting')),
	start_on    TEXT NOT NULL CHECK (start_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	end_on      TEXT CHECK (end_on IS NULL OR
	                        end_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	created_at  TEXT NOT NULL,
	CHECK (end_on IS NULL OR end_on >= start_on)
) STRICT;
CREATE INDEX membership_person ON membership(person_id, start_on);
CREATE INDEX membership_team ON membership(team_id, start_on);
-- The day-change refresh of person.team_id looks for periods that begin or
-- end between two days.
CREATE INDEX membership_start ON membership(start_on);
CREATE INDEX membership_end ON membership(end_on) WHERE end_on IS NOT NULL;

-- Two primary memberships (post, station) of one person never overlap: a
-- person holds one post at a time.  SQLite has no exclusion constraint, so a
-- trigger refuses it (PostgreSQL: EXCLUDE USING gist (person_id WITH =,
-- daterange(start_on, end_on, '[]') WITH &&) WHERE (kind IN ('post','station'))).
CREATE TRIGGER membership_primary_insert BEFORE INSERT ON membership
WHEN NEW.kind IN ('post', 'station') AND EXISTS (
	SELECT 1 FROM membership m
	WHERE m.person_id = NEW.person_id AND m.kind IN ('post', 'station')
	AND m.start_on <= coalesce(NEW.end_on, '9999-12-31')
	AND coalesce(m.end_on, '9999-12-31') >= NEW.start_on)
BEGIN
	SELECT RAISE(ABORT, 'membership: two primary memberships of one person overlap');
END;
CREATE TRIGGER membership_primary_update BEFORE UPDATE OF person_id, kind, start_on, end_on
ON membership
WHEN NEW.kind IN ('post', 'station') AND EXISTS (
	SELECT 1 FROM membership m
	WHERE m.person_id = NEW.person_id AND m.kind IN ('post', 'station') AND m.id <> NEW.id
	AND m.start_on <= coalesce(NEW.end_on, '9999-12-31')
	AND coalesce(m.end_on, '9999-12-31') >= NEW.start_on)
BEGIN
	SELECT RAISE(ABORT, 'membership: two primary memberships of one person overlap');
END;

-- Each person's team so far becomes their post from their start date.
INSERT INTO membership (person_id, team_id, kind, start_on, end_on, created_at)
SELECT id, team_id, 'post', start_date, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
FROM person WHERE team_id IS NOT NULL ORDER BY id;

-- Small facts the program keeps about the database itself, such as the day
-- person.team_id was last brought up to date ('team_refresh').
CREATE TABLE app_state (
	key         TEXT PRIMARY KEY,
	value       TEXT NOT NULL
) STRICT, WITHOUT ROWID;
