-- hop schema version 8: training records — competences, the course catalogue,
-- sessions and enrolments, training records with their validity,
-- requirements and exemptions, self-assessed needs.
--
-- Nothing here is deleted: retired courses, cancelled sessions and
-- enrolments, revoked records, ended requirements and exemptions keep their
-- rows with who and when (the triggers at the end refuse DELETE), so that
-- the history of who was trained when stays complete.

-- A competence area (the demo: the ten DigComp areas of the survey), with
-- the survey's mean self-assessed need (1.00-5.00) as the benchmark.
CREATE TABLE competence (
	id          INTEGER PRIMARY KEY,
	code        TEXT NOT NULL UNIQUE COLLATE NOCASE
	            CHECK (length(code) BETWEEN 1 AND 32 AND code NOT GLOB '*[^A-Za-z0-9_.-]*'),
	name        TEXT NOT NULL COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 120),
	-- Hundredths: 289 = 2.89.
	benchmark   INTEGER CHECK (benchmark IS NULL OR benchmark BETWEEN 100 AND 500),
	position    INTEGER NOT NULL DEFAULT 0,
	retired_on  TEXT
) STRICT;

-- The catalogue.  kind: external (an outside provider), online, inhouse,
-- colloquium ("Lernen von Expert:innen", by one unit for others),
-- instruction (Unterweisung, e.g. the yearly safety instruction).
-- validity_months NULL = never expires; renewal_days: a completion within
-- that many days before the old expiry continues from it (no day lost).
CREATE TABLE course (
	id              INTEGER PRIMARY KEY,
	code            TEXT NOT NULL UNIQUE COLLATE NOCASE
	                CHECK (length(code) BETWEEN 1 AND 32 AND code NOT GLOB '*[^A-Za-z0-9_.-]*'),
	title           TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
	kind            TEXT NOT NULL DEFAULT 'inhouse'
	                CHECK (kind IN ('external', 'online', 'inhouse', 'colloquium', 'instruction')),
	provider        TEXT CHECK (provider IS NULL OR length(provider) <= 200),
	-- Tenths of an hour: 75 = 7.5 hours.
	hours_x10       INTEGER CHECK (hours_x10 IS NULL OR hours_x10 BETWEEN 1 AND 20000),
	validity_months INTEGER CHECK (validity_months IS NULL OR validity_months BETWEEN 1 AND 240),
	renewal_days    INTEGER NOT NULL DEFAULT 90 CHECK (renewal_days BETWEEN 0 AND 366),
	-- Enrolments need a lead's approval before they take a seat.
	needs_approval  INTEGER NOT NULL DEFAULT 0 CHECK (needs_approval IN (0, 1)),
	description     TEXT CHECK (description IS NULL OR length(description) <= 2000),
	created_on      TEXT NOT NULL,
	retired_on      TEXT
) STRICT;

CREATE TABLE course_competence (
	course_id     INTEGER NOT NULL REFERENCES course(id),
	competence_id INTEGER NOT NULL REFERENCES competence(id),
	PRIMARY KEY (course_id, competence_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX course_competence_of ON course_competence(competence_id);

-- A session of a course: local start and end times 'YYYY-MM-DDTHH:MM' (several
-- days possible), in a hop room (booked through the booking rules: the rows
-- are in course_session_booking) or online, with a capacity and a trainer.
CREATE TABLE course_session (
	id           INTEGER PRIMARY KEY,
	course_id    INTEGER NOT NULL REFERENCES course(id),
	starts_at    TEXT NOT NULL CHECK (starts_at GLOB
	             '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]'),
	ends_at      TEXT NOT NULL CHECK (ends_at GLOB
	             '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]'),
	room_id      INTEGER REFERENCES desk(id),
	online_url   TEXT CHECK (online_url IS NULL OR length(online_url) BETWEEN 1 AND 500),
	-- Where an external session takes place when it is neither (free text).
	location     TEXT CHECK (location IS NULL OR length(location) <= 200),
	capacity     INTEGER NOT NULL CHECK (capacity BETWEEN 1 AND 1000),
	trainer_id   INTEGER REFERENCES person(id),
	trainer_name TEXT CHECK (trainer_name IS NULL OR length(trainer_name) <= 200),
	note         TEXT CHECK (note IS NULL OR length(note) <= 500),
	created_at   TEXT NOT NULL,
	created_by   TEXT NOT NULL,
	cancelled_at TEXT,
	cancelled_by TEXT,
	-- Grows with every change a calendar should see (iCalendar SEQUENCE).
	sequence     INTEGER NOT NULL DEFAULT 0,
	CHECK (ends_at > starts_at),
	CHECK (room_id IS NULL OR online_url IS NULL)
) STRICT;
CREATE INDEX course_session_course ON course_session(course_id, starts_at);
CREATE INDEX course_session_start ON course_session(starts_at);
CREATE INDEX course_session_trainer ON course_session(trainer_id) WHERE trainer_id IS NOT NULL;

-- The room bookings of an in-person session, one per day.
CREATE TABLE course_session_booking (
	session_id  INTEGER NOT NULL REFERENCES course_session(id),
	booking_id  INTEGER NOT NULL UNIQUE REFERENCES booking(id),
	PRIMARY KEY (session_id, booking_id)
) STRICT, WITHOUT ROWID;

-- A person's place in a session.  requested -> approved (the course needs a
-- lead's approval) -> booked or waitlisted -> attended, partial, no_show;
-- cancelled from any of the first four.  The waitlist is first come, first
-- served by queued_at, then id.  result: the outcome once attended.
CREATE TABLE enrolment (
	id           INTEGER PRIMARY KEY,
	session_id   INTEGER NOT NULL REFERENCES course_session(id),
	person_id    INTEGER NOT NULL REFERENCES person(id),
	state        TEXT NOT NULL CHECK (state IN ('requested', 'approved', 'booked', 'waitlisted',
	                                            'attended', 'partial', 'no_show', 'cancelled')),
	result       TEXT CHECK (result IS NULL OR result IN ('passed', 'failed', 'attended')),
	queued_at    TEXT NOT NULL,
	requested_by TEXT NOT NULL,
	decided_at   TEXT,
	decided_by   TEXT,
	cancelled_at TEXT,
	cancelled_by TEXT,
	note         TEXT CHECK (note IS NULL OR length(note) <= 500),
	sequence     INTEGER NOT NULL DEFAULT 0,
	CHECK ((state = 'cancelled') = (cancelled_at IS NOT NULL)),
	CHECK (result IS NULL OR state IN ('attended', 'partial'))
) STRICT;
-- One live enrolment per person and session.
CREATE UNIQUE INDEX enrolment_live ON enrolment(session_id, person_id) WHERE state <> 'cancelled';
CREATE INDEX enrolment_person ON enrolment(person_id, state);
CREATE INDEX enrolment_queue ON enrolment(session_id, state, queued_at, id);

-- The database refuses an overfilled session: a seat is taken by booked,
-- attended, partial and no_show enrolments (a no-show held the seat).
-- SQLite serialises writers (hop writes under BEGIN IMMEDIATE), so the count
-- here sees every committed seat; PostgreSQL will take a row lock on the
-- session (SELECT ... FOR UPDATE) before the same count.
CREATE TRIGGER enrolment_capacity_insert BEFORE INSERT ON enrolment
WHEN NEW.state = 'booked' AND (SELECT count(*) FROM enrolment e
	WHERE e.session_id = NEW.session_id AND e.state IN ('booked', 'attended', 'partial', 'no_show'))
	>= (SELECT capacity FROM course_session WHERE id = NEW.session_id)
BEGIN
	SELECT RAISE(ABORT, 'enrolment: the session is full');
END;
CREATE TRIGGER enrolment_capacity_update BEFORE UPDATE OF state ON enrolment
WHEN NEW.state = 'booked' AND OLD.state NOT IN ('booked', 'attended', 'partial', 'no_show')
	AND (SELECT count(*) FROM enrolment e
	WHERE e.session_id = NEW.session_id AND e.state IN ('booked', 'attended', 'partial', 'no_show'))
	>= (SELECT capacity FROM course_session WHERE id = NEW.session_id)
BEGIN
	SELECT RAISE(ABORT, 'enrolment: the session is full');
END;
CREATE TRIGGER course_session_capacity BEFORE UPDATE OF capacity ON course_session
WHEN NEW.capacity < (SELECT count(*) FROM enrolment e
	WHERE e.session_id = NEW.id AND e.state IN ('booked', 'attended', 'partial', 'no_show'))
BEGIN
	SELECT RAISE(ABORT, 'course_session: fewer seats than booked enrolments');
END;

-- What a person did: from a session, an import or entered by hand.
-- valid_until is computed by hop when the record is written (the course's
-- validity, continued from the previous expiry inside the renewal window);
-- NULL = never expires.  A record entered in error is revoked, not deleted.
CREATE TABLE training_record (
	id             INTEGER PRIMARY KEY,
	person_id      INTEGER NOT NULL REFERENCES person(id),
	course_id      INTEGER NOT NULL REFERENCES course(id),
	done_on        TEXT NOT NULL CHECK (done_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	result         TEXT NOT NULL CHECK (result IN ('passed', 'failed', 'attended')),
	hours_x10      INTEGER CHECK (hours_x10 IS NULL OR hours_x10 BETWEEN 1 AND 20000),
	certificate_no TEXT CHECK (certificate_no IS NULL OR length(certificate_no) <= 100),
	valid_from     TEXT,
	valid_until    TEXT,
	source         TEXT NOT NULL CHECK (source IN ('session', 'import', 'manual')),
	enrolment_id   INTEGER UNIQUE REFERENCES enrolment(id),
	note           TEXT CHECK (note IS NULL OR length(note) <= 500),
	created_at     TEXT NOT NULL,
	created_by     TEXT NOT NULL,
	revoked_at     TEXT,
	revoked_by     TEXT,
	revoke_reason  TEXT CHECK (revoke_reason IS NULL OR length(revoke_reason) BETWEEN 1 AND 500),
	CHECK ((revoked_at IS NULL) = (revoke_reason IS NULL)),
	CHECK (result <> 'failed' OR valid_until IS NULL),
	CHECK (valid_until IS NULL OR valid_until >= done_on),
	CHECK ((source = 'session') = (enrolment_id IS NOT NULL))
) STRICT;
-- Status, coverage and expiry read one course's live records in person and
-- day order; a person's history reads by person.
CREATE INDEX training_record_course ON training_record(course_id, person_id, done_on)
	WHERE revoked_at IS NULL;
CREATE INDEX training_record_person ON training_record(person_id, done_on);
CREATE INDEX training_record_expiry ON training_record(valid_until)
	WHERE revoked_at IS NULL AND valid_until IS NOT NULL;

-- Who must do a course: everyone, a role bit, a team (on the day in
-- question: the dated membership decides), a site or one person, from
-- from_on (until until_on, inclusive).  interval_months overrides the
-- course's validity (NULL: the course's); anchor 'event' counts from each
-- completion, 'calendar' asks once per period starting on anchor_mmdd.
-- trigger: when it first falls due — 'start' (grace_days after the start
-- date; 0 for the safety instruction: before work starts), 'mobile' (before
-- the first home or mobile day), 'change' (grace_days after a change of team
-- or role), 'none' (at from_on + grace_days).  warn_days: how long before
-- expiry the status is 'expiring'.
CREATE TABLE requirement (
	id              INTEGER PRIMARY KEY,
	course_id       INTEGER NOT NULL REFERENCES course(id),
	scope           TEXT NOT NULL CHECK (scope IN ('all', 'role', 'team', 'site', 'person')),
	role            INTEGER CHECK (role IS NULL OR role IN (1, 2, 4, 8, 16)),
	team_id         INTEGER REFERENCES team(id),
	site_id         INTEGER REFERENCES site(id),
	person_id       INTEGER REFERENCES person(id),
	interval_months INTEGER CHECK (interval_months IS NULL OR interval_months BETWEEN 1 AND 240),
	anchor          TEXT NOT NULL DEFAULT 'event' CHECK (anchor IN ('event', 'calendar')),
	anchor_mmdd     TEXT CHECK (anchor_mmdd IS NULL OR anchor_mmdd GLOB '[01][0-9]-[0-3][0-9]'),
	grace_days      INTEGER NOT NULL DEFAULT 0 CHECK (grace_days BETWEEN 0 AND 730),
	warn_days       INTEGER NOT NULL DEFAULT 30 CHECK (warn_days BETWEEN 0 AND 366),
	trigger_on      TEXT NOT NULL DEFAULT 'none'
	                CHECK (trigger_on IN ('none', 'start', 'mobile', 'change')),
	from_on         TEXT NOT NULL,
	until_on        TEXT,
	note            TEXT CHECK (note IS NULL OR length(note) <= 500),
	created_at      TEXT NOT NULL,
	created_by      TEXT NOT NULL,
	ended_at        TEXT,
	ended_by        TEXT,
	CHECK ((scope = 'role') = (role IS NOT NULL)),
	CHECK ((scope = 'team') = (team_id IS NOT NULL)),
	CHECK ((scope = 'site') = (site_id IS NOT NULL)),
	CHECK ((scope = 'person') = (person_id IS NOT NULL)),
	CHECK ((anchor = 'calendar') = (anchor_mmdd IS NOT NULL)),
	CHECK (until_on IS NULL OR until_on >= from_on)
) STRICT;
CREATE INDEX requirement_course ON requirement(course_id);

-- A person excused from a requirement, with a reason, until a day
-- (inclusive).  Reported as exempt, never as valid.
CREATE TABLE exemption (
	id             INTEGER PRIMARY KEY,
	requirement_id INTEGER NOT NULL REFERENCES requirement(id),
	person_id      INTEGER NOT NULL REFERENCES person(id),
	reason         TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
	until_on       TEXT NOT NULL CHECK (until_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	created_at     TEXT NOT NULL,
	created_by     TEXT NOT NULL,
	revoked_at     TEXT,
	revoked_by     TEXT
) STRICT;
CREATE INDEX exemption_person ON exemption(person_id, requirement_id);

-- A person's own training need per competence, 1 (very low) to 5 (very
-- high), as stated on a day: every statement kept (the latest counts).
CREATE TABLE self_assessment (
	id            INTEGER PRIMARY KEY,
	person_id     INTEGER NOT NULL REFERENCES person(id),
	competence_id INTEGER NOT NULL REFERENCES competence(id),
	need          INTEGER NOT NULL CHECK (need BETWEEN 1 AND 5),
	stated_on     TEXT NOT NULL CHECK (stated_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	created_at    TEXT NOT NULL
) STRICT;
CREATE INDEX self_assessment_person ON self_assessment(person_id, competence_id, stated_on);
CREATE INDEX self_assessment_competence ON self_assessment(competence_id);

-- Juveniles (JArbSchG § 29: the safety instruction twice a year): the last
-- day a person counts as one.  No birth dates are stored.
ALTER TABLE person ADD COLUMN minor_until TEXT;

-- An onboarding step of kind 'course' names its course: a passed or
-- attended record of it ticks the step.
ALTER TABLE onb_template_step ADD COLUMN course_id INTEGER REFERENCES course(id);
ALTER TABLE onboarding_step ADD COLUMN course_id INTEGER REFERENCES course(id);

CREATE TRIGGER course_kept BEFORE DELETE ON course
BEGIN
	SELECT RAISE(ABORT, 'course: courses are never deleted; retire them');
END;
CREATE TRIGGER course_session_kept BEFORE DELETE ON course_session
BEGIN
	SELECT RAISE(ABORT, 'course_session: sessions are never deleted; cancel them');
END;
CREATE TRIGGER enrolment_kept BEFORE DELETE ON enrolment
BEGIN
	SELECT RAISE(ABORT, 'enrolment: enrolments are never deleted; cancel them');
END;
CREATE TRIGGER training_record_kept BEFORE DELETE ON training_record
BEGIN
	SELECT RAISE(ABORT, 'training_record: records are never deleted; revoke them');
END;
CREATE TRIGGER requirement_kept BEFORE DELETE ON requirement
BEGIN
	SELECT RAISE(ABORT, 'requirement: requirements are never deleted; end them');
END;
CREATE TRIGGER exemption_kept BEFORE DELETE ON exemption
BEGIN
	SELECT RAISE(ABORT, 'exemption: exemptions are never deleted; revoke them');
END;
CREATE TRIGGER self_assessment_kept BEFORE DELETE ON self_assessment
BEGIN
	SELECT RAISE(ABORT, 'self_assessment: statements are never deleted');
END;
