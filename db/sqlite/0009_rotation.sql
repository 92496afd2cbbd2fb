-- hop schema version 9: rotation schedules (issue 14).
--
-- Work areas (Arbeitsgebiete) over teams, documented exceptions to a due
-- rotation, secondments to other authorities, and trainee cohorts with their
-- stations, blocks, draft plans and the history of published changes.

-- ---- memberships: stations overlay posts, secondments may leave the house

-- A trainee keeps their post (the home unit) while on a station, as a
-- secondment overlays it: the station wins for its days.  So posts no longer
-- collide with stations; a person holds one post at a time and one station
-- at a time (PostgreSQL: two EXCLUDE constraints, one per kind).
DROP TRIGGER membership_primary_insert;
DROP TRIGGER membership_primary_update;
CREATE TRIGGER membership_primary_insert BEFORE INSERT ON membership
WHEN NEW.kind IN ('post', 'station') AND EXISTS (
	SELECT 1 FROM membership m
	WHERE m.person_id = NEW.person_id AND m.kind = NEW.kind
	AND m.start_on <= coalesce(NEW.end_on, '9999-12-31')
	AND coalesce(m.end_on, '9999-12-31') >= NEW.start_on)
BEGIN
	SELECT RAISE(ABORT, 'membership: two primary memberships of one person overlap');
END;
CREATE TRIGGER membership_primary_update BEFORE UPDATE OF person_id, kind, start_on, end_on
ON membership
WHEN NEW.kind IN ('post', 'station') AND EXISTS (
	SELECT 1 FROM membership m
	WHERE m.person_id = NEW.person_id AND m.kind = NEW.kind AND m.id <> NEW.id
	AND m.start_on <= coalesce(NEW.end_on, '9999-12-31')
	AND coalesce(m.end_on, '9999-12-31') >= NEW.start_on)
BEGIN
	SELECT RAISE(ABORT, 'membership: two primary memberships of one person overlap');
END;

-- A secondment outside the organisation names its host (an authority of the
-- Bund, a Land, a Kommune, or another employer); team_id then stays the team
-- the person is seconded from, and on those days they are in no team of
-- this house.  seq grows with every change, for the SEQUENCE of the feed event.
ALTER TABLE membership ADD COLUMN host TEXT
	CHECK (host IS NULL OR (length(host) BETWEEN 1 AND 200 AND kind = 'secondment'));
ALTER TABLE membership ADD COLUMN host_level TEXT
	CHECK (host_level IS NULL OR host_level IN ('bund', 'land', 'kommune', 'other'));
ALTER TABLE membership ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE membership ADD COLUMN updated_at TEXT;

-- ---- work areas

CREATE TABLE area (
	id               INTEGER PRIMARY KEY,
	name             TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 120),
	corruption_prone INTEGER NOT NULL DEFAULT 0 CHECK (corruption_prone IN (0, 1)),
	-- The area's own rotation period; NULL: [policy] rotation_years when
	-- corruption-prone, none otherwise.
	rotation_years   INTEGER CHECK (rotation_years IS NULL OR rotation_years BETWEEN 1 AND 40),
	-- When the corruption-prone flag was last reviewed (Richtlinie Nr. 2).
	reviewed_on      TEXT CHECK (reviewed_on IS NULL OR
	                             reviewed_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	created_at       TEXT NOT NULL
) STRICT;

-- A team belongs to one area at most.
CREATE TABLE area_team (
	team_id     INTEGER PRIMARY KEY REFERENCES team(id),
	area_id     INTEGER NOT NULL REFERENCES area(id)
) STRICT;
CREATE INDEX area_team_area ON area_team(area_id);

-- ---- exceptions: staying past the due date, on file

CREATE TABLE rotation_exception (
	id          INTEGER PRIMARY KEY,
	person_id   INTEGER NOT NULL REFERENCES person(id),
	area_id     INTEGER REFERENCES area(id),
	reason      TEXT NOT NULL CHECK (length(trim(reason)) BETWEEN 1 AND 2000),
	measure     TEXT NOT NULL CHECK (length(trim(measure)) BETWEEN 1 AND 2000),
	review_on   TEXT NOT NULL CHECK (review_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	created_at  TEXT NOT NULL,
	created_by  TEXT NOT NULL,
	-- Ended (the person rotated, or HR withdrew it): kept, never deleted.
	ended_on    TEXT
) STRICT;
CREATE INDEX rotation_exception_person ON rotation_exception(person_id, created_at);

-- ---- trainee cohorts

CREATE TABLE cohort (
	id           INTEGER PRIMARY KEY,
	name         TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 120),
	start_on     TEXT NOT NULL CHECK (start_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	months       INTEGER NOT NULL CHECK (months BETWEEN 1 AND 120),
	-- When the plan was last published; NULL: never (a draft at most).
	published_at TEXT,
	created_at   TEXT NOT NULL
) STRICT;

CREATE TABLE cohort_trainee (
	cohort_id   INTEGER NOT NULL REFERENCES cohort(id),
	person_id   INTEGER NOT NULL REFERENCES person(id),
	PRIMARY KEY (cohort_id, person_id)
) STRICT;
CREATE INDEX cohort_trainee_person ON cohort_trainee(person_id);

-- A station published from a cohort's plan (see the memberships above).
ALTER TABLE membership ADD COLUMN cohort_id INTEGER REFERENCES cohort(id);

CREATE TABLE cohort_station (
	id           INTEGER PRIMARY KEY,
	cohort_id    INTEGER NOT NULL REFERENCES cohort(id),
	team_id      INTEGER NOT NULL REFERENCES team(id),
	months       INTEGER NOT NULL CHECK (months BETWEEN 1 AND 120),
	min_trainees INTEGER NOT NULL DEFAULT 0 CHECK (min_trainees >= 0),
	max_trainees INTEGER NOT NULL CHECK (max_trainees >= 1),
	required     INTEGER NOT NULL DEFAULT 1 CHECK (required IN (0, 1)),
	-- Order: the first station of every trainee (the home unit), and/or only
	-- after the station in after_team_id has ended.
	first        INTEGER NOT NULL DEFAULT 0 CHECK (first IN (0, 1)),
	after_team_id INTEGER REFERENCES team(id),
	position     INTEGER NOT NULL DEFAULT 0,
	CHECK (min_trainees <= max_trainees),
	CHECK (after_team_id IS NULL OR after_team_id <> team_id),
	UNIQUE (cohort_id, team_id)
) STRICT;

-- Cohort-wide blocks (person_id NULL: Einführungs-, Zwischen-,
-- Abschlusslehrgang) and personal ones (leave).  No station in those months.
CREATE TABLE cohort_block (
	id          INTEGER PRIMARY KEY,
	cohort_id   INTEGER NOT NULL REFERENCES cohort(id),
	person_id   INTEGER REFERENCES person(id),
	start_on    TEXT NOT NULL CHECK (start_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	end_on      TEXT NOT NULL CHECK (end_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	title       TEXT NOT NULL DEFAULT '' CHECK (length(title) <= 200),
	CHECK (end_on >= start_on)
) STRICT;
CREATE INDEX cohort_block_cohort ON cohort_block(cohort_id);

-- The plan (the draft until published; after publishing, what was
-- published and what changed since): one row per trainee and station.
CREATE TABLE cohort_plan (
	cohort_id   INTEGER NOT NULL REFERENCES cohort(id),
	person_id   INTEGER NOT NULL REFERENCES person(id),
	team_id     INTEGER NOT NULL REFERENCES team(id),
	start_on    TEXT NOT NULL CHECK (start_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	end_on      TEXT NOT NULL CHECK (end_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	CHECK (end_on >= start_on),
	PRIMARY KEY (cohort_id, person_id, team_id)
) STRICT;

-- Changes to published stations, as the trainee sees them (MDBNDVerfSchVDV
-- § 35: place and duration of each station, changes made known).  old_* NULL
-- for a station added, new_* NULL for one dropped.
CREATE TABLE cohort_plan_change (
	id          INTEGER PRIMARY KEY,
	cohort_id   INTEGER NOT NULL REFERENCES cohort(id),
	person_id   INTEGER NOT NULL REFERENCES person(id),
	team_id     INTEGER NOT NULL REFERENCES team(id),
	old_start   TEXT,
	old_end     TEXT,
	new_start   TEXT,
	new_end     TEXT,
	changed_at  TEXT NOT NULL,
	changed_by  TEXT NOT NULL
) STRICT;
CREATE INDEX cohort_plan_change_person ON cohort_plan_change(person_id, changed_at);

-- Nothing of it is deleted silently: records of rotation are personnel files.
CREATE TRIGGER rotation_exception_kept BEFORE DELETE ON rotation_exception
BEGIN SELECT RAISE(ABORT, 'rotation exceptions are kept; end them instead'); END;
CREATE TRIGGER cohort_plan_change_kept BEFORE DELETE ON cohort_plan_change
BEGIN SELECT RAISE(ABORT, 'the history of a plan is kept'); END;

-- ---- handover (ROT-9, ONB-14): the onboarding engine for a move

-- A template is for an onboarding (a new hire, a new team) or a handover
-- (the post being left); each kind has its own default.
ALTER TABLE onb_template ADD COLUMN kind TEXT NOT NULL DEFAULT 'onboarding'
	CHECK (kind IN ('onboarding', 'handover'));
DROP INDEX onb_template_default;
CREATE UNIQUE INDEX onb_template_default ON onb_template(kind, is_default)
	WHERE is_default = 1 AND retired_on IS NULL;
-- A person's checklist is an onboarding or a handover; one open of each.
-- team_id: the team it is for, when started by a move (NULL: the person's).
ALTER TABLE onboarding ADD COLUMN purpose TEXT NOT NULL DEFAULT 'onboarding'
	CHECK (purpose IN ('onboarding', 'handover'));
ALTER TABLE onboarding ADD COLUMN team_id INTEGER REFERENCES team(id);
DROP INDEX onboarding_open;
CREATE UNIQUE INDEX onboarding_open ON onboarding(person_id, purpose) WHERE state = 'open';
