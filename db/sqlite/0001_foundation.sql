-- hop schema version 1: teams, people, roles, audit log.
-- Dates are ISO 8601 text (YYYY-MM-DD); timestamps are UTC 'YYYY-MM-DDTHH:MM:SSZ'.

CREATE TABLE team (
	id          INTEGER PRIMARY KEY,
	name        TEXT NOT NULL COLLATE NOCASE
	            CHECK (length(name) BETWEEN 1 AND 120),
	-- ASCII, lower case, no spaces: stable and safe in file names and feed UIDs.
	slug        TEXT NOT NULL CHECK (slug GLOB '[a-z0-9]*' AND slug NOT GLOB '*[^a-z0-9-]*'),
	lead_id     INTEGER REFERENCES person(id),
	created_on  TEXT NOT NULL,
	-- A team is never deleted while people refer to it; it is dissolved.
	dissolved_on TEXT
) STRICT;
CREATE UNIQUE INDEX team_name_active ON team(name) WHERE dissolved_on IS NULL;
CREATE UNIQUE INDEX team_slug ON team(slug);

CREATE TABLE person (
	id          INTEGER PRIMARY KEY,
	login       TEXT NOT NULL UNIQUE CHECK (length(login) BETWEEN 1 AND 32),
	name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
	email       TEXT CHECK (email IS NULL OR length(email) <= 254),
	team_id     INTEGER REFERENCES team(id),
	-- Bit set: 1 employee, 2 lead, 4 hr, 8 facilities, 16 admin.
	roles       INTEGER NOT NULL DEFAULT 1 CHECK (roles BETWEEN 0 AND 31),
	start_date  TEXT NOT NULL,
	-- Last day of employment, inclusive; NULL while employed.  People are never
	-- deleted, so that bookings, trainings and the audit log keep their meaning.
	end_date    TEXT,
	CHECK (end_date IS NULL OR end_date >= start_date)
) STRICT;
CREATE INDEX person_team ON person(team_id);

CREATE TABLE audit (
	id      INTEGER PRIMARY KEY,
	at      TEXT NOT NULL,
	actor   TEXT NOT NULL,
	action  TEXT NOT NULL,
	object  TEXT NOT NULL,
	detail  TEXT
) STRICT;
CREATE INDEX audit_object ON audit(object);
CREATE INDEX audit_actor ON audit(actor);

-- Team look-ups by name or slug, dissolved teams included (the index above is partial).
CREATE INDEX team_name ON team(name);

-- "hop!": tells hop's files from other SQLite databases.
PRAGMA application_id = 1752133665;
