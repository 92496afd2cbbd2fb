-- hop schema version 7: onboarding templates, onboardings and their steps,
-- mentorships.

-- A template HR keeps: a name, optionally the team or the role it is for, and
-- its steps.  Retired templates keep their name and steps; onboardings copied
-- from them stay as they are.
CREATE TABLE onb_template (
	id          INTEGER PRIMARY KEY,
	name        TEXT NOT NULL COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 120),
	team_id     INTEGER REFERENCES team(id),
	-- One role bit (1 employee, 2 lead, 4 hr, 8 facilities, 16 admin).
	role        INTEGER CHECK (role IS NULL OR role IN (1, 2, 4, 8, 16)),
	is_default  INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
	created_on  TEXT NOT NULL,
	retired_on  TEXT
) STRICT;
CREATE UNIQUE INDEX onb_template_name ON onb_template(name) WHERE retired_on IS NULL;
-- At most one default template.
CREATE UNIQUE INDEX onb_template_default ON onb_template(is_default)
	WHERE is_default = 1 AND retired_on IS NULL;

-- The kinds, owners and offset units of a step, shared by templates and
-- onboardings.  An owner is a role (the new hire, their mentor, their lead,
-- HR, IT) or one named person (owner 'person' with owner_id).  The due day is
-- offset_n units from the start date, at most a year either way.
CREATE TABLE onb_template_step (
	id          INTEGER PRIMARY KEY,
	template_id INTEGER NOT NULL REFERENCES onb_template(id),
	position    INTEGER NOT NULL CHECK (position >= 1),
	title       TEXT NOT NULL COLLATE NOCASE CHECK (length(title) BETWEEN 1 AND 200),
	kind        TEXT NOT NULL CHECK (kind IN ('talk', 'course', 'equipment', 'account',
	                                         'document', 'self-study', 'other')),
	owner       TEXT NOT NULL CHECK (owner IN ('newhire', 'mentor', 'lead', 'hr', 'it',
	                                           'person')),
	owner_id    INTEGER REFERENCES person(id),
	offset_n    INTEGER NOT NULL,
	offset_unit TEXT NOT NULL CHECK (offset_unit IN ('workdays', 'days', 'weeks', 'months')),
	in_office   INTEGER NOT NULL DEFAULT 0 CHECK (in_office IN (0, 1)),
	mandatory   INTEGER NOT NULL DEFAULT 1 CHECK (mandatory IN (0, 1)),
	note        TEXT CHECK (note IS NULL OR length(note) <= 500),
	CHECK ((owner = 'person') = (owner_id IS NOT NULL)),
	CHECK (CASE offset_unit WHEN 'workdays' THEN offset_n BETWEEN -260 AND 260
	                        WHEN 'days' THEN offset_n BETWEEN -365 AND 365
	                        WHEN 'weeks' THEN offset_n BETWEEN -52 AND 52
	                        ELSE offset_n BETWEEN -12 AND 12 END)
) STRICT;
CREATE UNIQUE INDEX onb_template_step_position ON onb_template_step(template_id, position);
CREATE UNIQUE INDEX onb_template_step_title ON onb_template_step(template_id, title);

-- One person's onboarding: a snapshot of a template's steps, changed per
-- person afterwards.  'open' shows as planned before the start date and as
-- running from it; 'done' when every mandatory step is done or HR closed it
-- with a note; 'cancelled' keeps every row.  Onboardings and their steps are
-- never deleted (the triggers below refuse it).
CREATE TABLE onboarding (
	id          INTEGER PRIMARY KEY,
	person_id   INTEGER NOT NULL REFERENCES person(id),
	template_id INTEGER REFERENCES onb_template(id),
	template    TEXT NOT NULL CHECK (length(template) BETWEEN 1 AND 120),
	start_on    TEXT NOT NULL CHECK (start_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	state       TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'done', 'cancelled')),
	created_at  TEXT NOT NULL,
	created_by  TEXT NOT NULL,
	closed_at   TEXT,
	closed_by   TEXT,
	close_note  TEXT CHECK (close_note IS NULL OR length(close_note) <= 500),
	CHECK ((state = 'open') = (closed_at IS NULL))
) STRICT;
-- One open onboarding per person.
CREATE UNIQUE INDEX onboarding_open ON onboarding(person_id) WHERE state = 'open';
CREATE INDEX onboarding_person ON onboarding(person_id);

CREATE TABLE onboarding_step (
	id            INTEGER PRIMARY KEY,
	onboarding_id INTEGER NOT NULL REFERENCES onboarding(id),
	position      INTEGER NOT NULL CHECK (position >= 1),
	title         TEXT NOT NULL COLLATE NOCASE CHECK (length(title) BETWEEN 1 AND 200),
	kind          TEXT NOT NULL CHECK (kind IN ('talk', 'course', 'equipment', 'account',
	                                           'document', 'self-study', 'other')),
	owner         TEXT NOT NULL CHECK (owner IN ('newhire', 'mentor', 'lead', 'hr', 'it',
	                                             'person')),
	owner_id      INTEGER REFERENCES person(id),
	offset_n      INTEGER NOT NULL,
	offset_unit   TEXT NOT NULL CHECK (offset_unit IN ('workdays', 'days', 'weeks', 'months')),
	in_office     INTEGER NOT NULL DEFAULT 0 CHECK (in_office IN (0, 1)),
	mandatory     INTEGER NOT NULL DEFAULT 1 CHECK (mandatory IN (0, 1)),
	note          TEXT CHECK (note IS NULL OR length(note) <= 500),
	due_on        TEXT NOT NULL CHECK (due_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	-- 1: a day set by hand, which recomputing the plan leaves alone.
	due_fixed     INTEGER NOT NULL DEFAULT 0 CHECK (due_fixed IN (0, 1)),
	done_on       TEXT,
	done_by       INTEGER REFERENCES person(id),
	done_at       TEXT,
	done_note     TEXT CHECK (done_note IS NULL OR length(done_note) <= 500),
	-- HR dropped the step for this person: kept, no longer asked for.
	dropped_at    TEXT,
	dropped_by    TEXT,
	-- Grows with every change a calendar should see (iCalendar SEQUENCE).
	sequence      INTEGER NOT NULL DEFAULT 0,
	CHECK ((owner = 'person') = (owner_id IS NOT NULL)),
	CHECK ((done_on IS NULL) = (done_by IS NULL) AND (done_on IS NULL) = (done_at IS NULL)),
	CHECK (done_on IS NULL OR dropped_at IS NULL),
	CHECK (CASE offset_unit WHEN 'workdays' THEN offset_n BETWEEN -260 AND 260
	                        WHEN 'days' THEN offset_n BETWEEN -365 AND 365
	                        WHEN 'weeks' THEN offset_n BETWEEN -52 AND 52
	                        ELSE offset_n BETWEEN -12 AND 12 END)
) STRICT;
CREATE UNIQUE INDEX onboarding_step_position ON onboarding_step(onboarding_id, position);
CREATE UNIQUE INDEX onboarding_step_title ON onboarding_step(onboarding_id, title);
-- Overdue and due steps: the open ones by day.
CREATE INDEX onboarding_step_open ON onboarding_step(due_on)
	WHERE done_on IS NULL AND dropped_at IS NULL;
-- Steps of one named owner, of a role (HR's, IT's feeds and to-do lists), and
-- of a role within one onboarding (a mentor's or a lead's feed).
CREATE INDEX onboarding_step_owner ON onboarding_step(owner_id) WHERE owner_id IS NOT NULL;
CREATE INDEX onboarding_step_role ON onboarding_step(owner, due_on);
CREATE INDEX onboarding_step_of ON onboarding_step(onboarding_id, owner, due_on);

CREATE TRIGGER onboarding_kept BEFORE DELETE ON onboarding
BEGIN
	SELECT RAISE(ABORT, 'onboarding: onboardings are never deleted; cancel them');
END;
CREATE TRIGGER onboarding_step_kept BEFORE DELETE ON onboarding_step
BEGIN
	SELECT RAISE(ABORT, 'onboarding: steps are never deleted; drop them');
END;

-- A mentor (Pate, Patin) for a new hire from start_on to end_on (inclusive).
-- A mentorship ended before it began is kept as cancelled and counts nowhere.
-- How many mentees a mentor may have at once is [policy] mentor_max_mentees,
-- checked by hop; override_reason says why HR went beyond it.
CREATE TABLE mentorship (
	id              INTEGER PRIMARY KEY,
	mentor_id       INTEGER NOT NULL REFERENCES person(id),
	mentee_id       INTEGER NOT NULL REFERENCES person(id),
	start_on        TEXT NOT NULL CHECK (start_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	end_on          TEXT NOT NULL CHECK (end_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	override_reason TEXT CHECK (override_reason IS NULL OR length(override_reason) BETWEEN 1 AND 500),
	created_at      TEXT NOT NULL,
	created_by      TEXT NOT NULL,
	cancelled_at    TEXT,
	CHECK (mentor_id <> mentee_id),
	CHECK (end_on >= start_on)
) STRICT;
CREATE INDEX mentorship_mentor ON mentorship(mentor_id, end_on);
CREATE INDEX mentorship_mentee ON mentorship(mentee_id, end_on);

-- A new hire has one mentor at a time.
CREATE TRIGGER mentorship_one_mentor BEFORE INSERT ON mentorship
WHEN NEW.cancelled_at IS NULL AND EXISTS (
	SELECT 1 FROM mentorship m WHERE m.mentee_id = NEW.mentee_id AND m.cancelled_at IS NULL
	AND m.start_on <= NEW.end_on AND m.end_on >= NEW.start_on)
BEGIN
	SELECT RAISE(ABORT, 'mentorship: the new hire already has a mentor then');
END;
