-- hop schema version 2: sites, floors, zones, desks and rooms; bookings.

CREATE TABLE site (
	id          INTEGER PRIMARY KEY,
	name        TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 120),
	slug        TEXT NOT NULL UNIQUE CHECK (slug NOT GLOB '*[^a-z0-9-]*' AND length(slug) >= 1),
	address     TEXT CHECK (address IS NULL OR length(address) <= 300),
	timezone    TEXT NOT NULL,
	-- Bundesland code: sites may sit in different Länder (public holidays).
	region      TEXT NOT NULL CHECK (length(region) = 2),
	created_on  TEXT NOT NULL
) STRICT;

CREATE TABLE floor (
	id       INTEGER PRIMARY KEY,
	site_id  INTEGER NOT NULL REFERENCES site(id),
	name     TEXT NOT NULL COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 60),
	level    INTEGER NOT NULL DEFAULT 0,
	UNIQUE (site_id, name)
) STRICT;

-- A zone is a neighbourhood of desks, usually a team's.
CREATE TABLE zone (
	id        INTEGER PRIMARY KEY,
	floor_id  INTEGER NOT NULL REFERENCES floor(id),
	name      TEXT NOT NULL COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 60),
	team_id   INTEGER REFERENCES team(id),
	UNIQUE (floor_id, name)
) STRICT;
CREATE INDEX zone_team ON zone(team_id);

-- Desks and rooms are one table: a room is a place of another kind with a
-- capacity, booked by one person for a group.
CREATE TABLE desk (
	id          INTEGER PRIMARY KEY,
	code        TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(code) BETWEEN 1 AND 32),
	zone_id     INTEGER NOT NULL REFERENCES zone(id),
	kind        TEXT NOT NULL DEFAULT 'desk'
	            CHECK (kind IN ('desk', 'team-room', 'creative-room', 'meeting-room')),
	name        TEXT CHECK (name IS NULL OR length(name) <= 120),
	capacity    INTEGER NOT NULL DEFAULT 1 CHECK (capacity BETWEEN 1 AND 500),
	-- Bit set, see enum desk_attr: monitor 1, standing 2, accessible 4, quiet 8,
	-- dock 16, screen 32, video 64, whiteboard 128.
	attrs       INTEGER NOT NULL DEFAULT 0 CHECK (attrs BETWEEN 0 AND 255),
	-- A fixed desk belongs to its owner; others may use it on days it is not claimed.
	owner_id    INTEGER REFERENCES person(id),
	bookable_by TEXT NOT NULL DEFAULT 'all' CHECK (bookable_by IN ('all', 'team', 'leads')),
	-- Retired places keep their code and history; they take no new bookings.
	retired_on  TEXT,
	CHECK (kind = 'desk' OR owner_id IS NULL),
	CHECK (kind <> 'desk' OR capacity = 1)
) STRICT;
CREATE INDEX desk_zone ON desk(zone_id);
CREATE INDEX desk_owner ON desk(owner_id) WHERE owner_id IS NOT NULL;

-- One row per booking of a place for a person on a day: the morning (am), the
-- afternoon (pm) or both.  Cancelling keeps the row (cancelled_at), so feeds can
-- publish the cancellation; a change bumps sequence (iCalendar SEQUENCE).
CREATE TABLE booking (
	id            INTEGER PRIMARY KEY,
	desk_id       INTEGER NOT NULL REFERENCES desk(id),
	person_id     INTEGER NOT NULL REFERENCES person(id),
	day           TEXT NOT NULL,
	am            INTEGER NOT NULL CHECK (am IN (0, 1)),
	pm            INTEGER NOT NULL CHECK (pm IN (0, 1)),
	-- Copied from the place's kind so that the index below can leave rooms out:
	-- a person may sit at a desk and be in a meeting room the same morning.
	is_room       INTEGER NOT NULL DEFAULT 0 CHECK (is_room IN (0, 1)),
	attendees     INTEGER NOT NULL DEFAULT 1 CHECK (attendees BETWEEN 1 AND 500),
	note          TEXT CHECK (note IS NULL OR length(note) <= 200),
	booked_by     INTEGER NOT NULL REFERENCES person(id),
	created_at    TEXT NOT NULL,
	updated_at    TEXT NOT NULL,
	sequence      INTEGER NOT NULL DEFAULT 0,
	cancelled_at  TEXT,
	cancelled_by  INTEGER REFERENCES person(id),
	cancel_reason TEXT,
	CHECK (am + pm >= 1)
) STRICT;

-- The database itself refuses a double booking: at most one person per place and
-- half day, at most one desk per person and half day, among active bookings.
CREATE UNIQUE INDEX booking_desk_am ON booking(desk_id, day) WHERE am = 1 AND cancelled_at IS NULL;
CREATE UNIQUE INDEX booking_desk_pm ON booking(desk_id, day) WHERE pm = 1 AND cancelled_at IS NULL;
CREATE UNIQUE INDEX booking_person_am ON booking(person_id, day)
	WHERE am = 1 AND cancelled_at IS NULL AND is_room = 0;
CREATE UNIQUE INDEX booking_person_pm ON booking(person_id, day)
	WHERE pm = 1 AND cancelled_at IS NULL AND is_room = 0;
-- "Who is in on day X", the Desks screen's day: one range scan per day that
-- covers every booking column those queries read, so that the day's rows are
-- never looked up in the table one by one (cancelled_at, always NULL here, is
-- listed because SQLite counts the WHERE's column as needed).  Person second:
-- both queries look up each row's person, and in person order those look-ups
-- walk the person table forwards (about a third faster than in desk order
-- over 8,000 rows); desks are matched in memory.
CREATE INDEX booking_day ON booking(day, person_id, desk_id, am, pm, booked_by, attendees, cancelled_at)
	WHERE cancelled_at IS NULL;
-- The people of a day's bookings ('hop who', the Desks screen): their names in
-- an index half the size of the person table, so that the day's look-ups stay
-- in SQLite's page cache with the rest of what those queries read.
CREATE INDEX person_names ON person(id, team_id, login, name);
-- The teams a person leads (who may see their members' bookings).
CREATE INDEX team_lead ON team(lead_id);
CREATE INDEX booking_person_day ON booking(person_id, day);
CREATE INDEX booking_desk_day ON booking(desk_id, day);

CREATE TRIGGER booking_is_room BEFORE INSERT ON booking
WHEN NEW.is_room <> (SELECT kind <> 'desk' FROM desk WHERE id = NEW.desk_id)
BEGIN
	SELECT RAISE(ABORT, 'booking.is_room must match the kind of the place');
END;
