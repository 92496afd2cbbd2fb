-- hop schema version 5 for PostgreSQL: iCalendar SEQUENCE for presence days
-- and team days (see db/sqlite/0005_feed_sequence.sql).

CREATE TABLE presence_rev (
	person_id   bigint NOT NULL REFERENCES person(id),
	slot        text NOT NULL CHECK (slot ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'
	                                 OR slot IN ('W1', 'W2', 'W3', 'W4', 'W5')),
	rev         bigint NOT NULL CHECK (rev > 0),
	PRIMARY KEY (person_id, slot)
);

ALTER TABLE team_day ADD COLUMN sequence bigint NOT NULL DEFAULT 0;
