-- hop schema version 10: has anything changed since the feeds were published?
--
-- 'hop feeds publish' renders hundreds of thousands of events to find that
-- nothing changed.  The writes themselves now say that something did: every
-- UPDATE and DELETE of a table the feeds read bumps data_rev.n (rare,
-- one-row statements), and an INSERT raises the table's largest rowid, which
-- publishing reads in O(1) (a trigger per inserted row would halve the bulk
-- paths that make a million bookings).  Tables without a rowid bump n on
-- INSERT too.  The audit log and app_state are not feed data.
--
-- A migration that adds a table the feeds may read adds its triggers here
-- too (and its max(rowid) to publish.c's fingerprint); test_db checks that
-- every table has them.  (PostgreSQL: one trigger function, and a statement
-- trigger per table.)

CREATE TABLE data_rev (
	id          INTEGER PRIMARY KEY CHECK (id = 1),
	n           INTEGER NOT NULL
) STRICT;
INSERT INTO data_rev (id, n) VALUES (1, 0);

CREATE TRIGGER area_rev_update AFTER UPDATE ON area BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER area_rev_delete AFTER DELETE ON area BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER area_team_rev_update AFTER UPDATE ON area_team BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER area_team_rev_delete AFTER DELETE ON area_team BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER booking_rev_update AFTER UPDATE ON booking BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER booking_rev_delete AFTER DELETE ON booking BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER closure_rev_update AFTER UPDATE ON closure BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER closure_rev_delete AFTER DELETE ON closure BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER cohort_rev_update AFTER UPDATE ON cohort BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER cohort_rev_delete AFTER DELETE ON cohort BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER cohort_block_rev_update AFTER UPDATE ON cohort_block BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER cohort_block_rev_delete AFTER DELETE ON cohort_block BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER cohort_plan_rev_update AFTER UPDATE ON cohort_plan BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER cohort_plan_rev_delete AFTER DELETE ON cohort_plan BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER cohort_plan_change_rev_update AFTER UPDATE ON cohort_plan_change BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER cohort_plan_change_rev_delete AFTER DELETE ON cohort_plan_change BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER cohort_station_rev_update AFTER UPDATE ON cohort_station BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER cohort_station_rev_delete AFTER DELETE ON cohort_station BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER cohort_trainee_rev_update AFTER UPDATE ON cohort_trainee BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER cohort_trainee_rev_delete AFTER DELETE ON cohort_trainee BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER competence_rev_update AFTER UPDATE ON competence BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER competence_rev_delete AFTER DELETE ON competence BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER course_rev_update AFTER UPDATE ON course BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER course_rev_delete AFTER DELETE ON course BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER course_session_rev_update AFTER UPDATE ON course_session BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER course_session_rev_delete AFTER DELETE ON course_session BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER desk_rev_update AFTER UPDATE ON desk BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER desk_rev_delete AFTER DELETE ON desk BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER enrolment_rev_update AFTER UPDATE ON enrolment BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER enrolment_rev_delete AFTER DELETE ON enrolment BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER exemption_rev_update AFTER UPDATE ON exemption BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER exemption_rev_delete AFTER DELETE ON exemption BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER floor_rev_update AFTER UPDATE ON floor BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER floor_rev_delete AFTER DELETE ON floor BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER membership_rev_update AFTER UPDATE ON membership BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER membership_rev_delete AFTER DELETE ON membership BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER mentorship_rev_update AFTER UPDATE ON mentorship BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER mentorship_rev_delete AFTER DELETE ON mentorship BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER onb_template_rev_update AFTER UPDATE ON onb_template BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER onb_template_rev_delete AFTER DELETE ON onb_template BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER onb_template_step_rev_update AFTER UPDATE ON onb_template_step BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER onb_template_step_rev_delete AFTER DELETE ON onb_template_step BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER onboarding_rev_update AFTER UPDATE ON onboarding BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER onboarding_rev_delete AFTER DELETE ON onboarding BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER onboarding_step_rev_update AFTER UPDATE ON onboarding_step BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER onboarding_step_rev_delete AFTER DELETE ON onboarding_step BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER person_rev_update AFTER UPDATE ON person BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER person_rev_delete AFTER DELETE ON person BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER requirement_rev_update AFTER UPDATE ON requirement BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER requirement_rev_delete AFTER DELETE ON requirement BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER rotation_exception_rev_update AFTER UPDATE ON rotation_exception BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER rotation_exception_rev_delete AFTER DELETE ON rotation_exception BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER self_assessment_rev_update AFTER UPDATE ON self_assessment BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER self_assessment_rev_delete AFTER DELETE ON self_assessment BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER site_rev_update AFTER UPDATE ON site BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER site_rev_delete AFTER DELETE ON site BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER team_rev_update AFTER UPDATE ON team BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER team_rev_delete AFTER DELETE ON team BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER team_day_rev_update AFTER UPDATE ON team_day BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER team_day_rev_delete AFTER DELETE ON team_day BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER training_record_rev_update AFTER UPDATE ON training_record BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER training_record_rev_delete AFTER DELETE ON training_record BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER zone_rev_update AFTER UPDATE ON zone BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER zone_rev_delete AFTER DELETE ON zone BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER presence_rev_insert AFTER INSERT ON presence BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER presence_rev_update AFTER UPDATE ON presence BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER presence_rev_delete AFTER DELETE ON presence BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER presence_default_rev_insert AFTER INSERT ON presence_default BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER presence_default_rev_update AFTER UPDATE ON presence_default BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER presence_default_rev_delete AFTER DELETE ON presence_default BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER presence_rev_rev_insert AFTER INSERT ON presence_rev BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER presence_rev_rev_update AFTER UPDATE ON presence_rev BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER presence_rev_rev_delete AFTER DELETE ON presence_rev BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER course_competence_rev_insert AFTER INSERT ON course_competence BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER course_competence_rev_update AFTER UPDATE ON course_competence BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER course_competence_rev_delete AFTER DELETE ON course_competence BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER course_session_booking_rev_insert AFTER INSERT ON course_session_booking BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER course_session_booking_rev_update AFTER UPDATE ON course_session_booking BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER course_session_booking_rev_delete AFTER DELETE ON course_session_booking BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; END;
