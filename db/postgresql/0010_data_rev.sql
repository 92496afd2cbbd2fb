-- hop schema version 10 for PostgreSQL: has anything changed since the feeds
-- were published? (see db/sqlite/0010_data_rev.sql)
--
-- Every INSERT, UPDATE and DELETE of a table the feeds read bumps data_rev.n
-- once per statement that changed a row (the transition table "changed"
-- holds the statement's rows; a statement that changed none leaves n alone,
-- as SQLite's row triggers do).  SQLite reads an insert from the table's
-- largest rowid instead; here that would be wrong: identity values are
-- handed out when rows are inserted, not when they commit, so a
-- transaction that commits late adds rows below the largest id another has
-- already shown.  n alone tells everything here.
--
-- The bump is an update of one row: writers of feed tables queue on it until
-- they commit (as SQLite's writers queue for its lock), and under
-- SERIALIZABLE the later of two such transactions fails with 40001 and is
-- retried.  The audit log and app_state are not feed data.

CREATE TABLE data_rev (
	id          bigint PRIMARY KEY CHECK (id = 1),
	n           bigint NOT NULL
);
INSERT INTO data_rev (id, n) VALUES (1, 0);

CREATE FUNCTION hop_data_rev() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF EXISTS (SELECT 1 FROM changed) THEN
		UPDATE data_rev SET n = n + 1 WHERE id = 1;
	END IF;
	RETURN NULL;
END $$;

CREATE TRIGGER area_rev_insert AFTER INSERT ON area REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER area_rev_update AFTER UPDATE ON area REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER area_rev_delete AFTER DELETE ON area REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER area_team_rev_insert AFTER INSERT ON area_team REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER area_team_rev_update AFTER UPDATE ON area_team REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER area_team_rev_delete AFTER DELETE ON area_team REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER booking_rev_insert AFTER INSERT ON booking REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER booking_rev_update AFTER UPDATE ON booking REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER booking_rev_delete AFTER DELETE ON booking REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER closure_rev_insert AFTER INSERT ON closure REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER closure_rev_update AFTER UPDATE ON closure REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER closure_rev_delete AFTER DELETE ON closure REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER cohort_rev_insert AFTER INSERT ON cohort REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER cohort_rev_update AFTER UPDATE ON cohort REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER cohort_rev_delete AFTER DELETE ON cohort REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER cohort_block_rev_insert AFTER INSERT ON cohort_block REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER cohort_block_rev_update AFTER UPDATE ON cohort_block REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER cohort_block_rev_delete AFTER DELETE ON cohort_block REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER cohort_plan_rev_insert AFTER INSERT ON cohort_plan REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER cohort_plan_rev_update AFTER UPDATE ON cohort_plan REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER cohort_plan_rev_delete AFTER DELETE ON cohort_plan REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER cohort_plan_change_rev_insert AFTER INSERT ON cohort_plan_change REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER cohort_plan_change_rev_update AFTER UPDATE ON cohort_plan_change REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER cohort_plan_change_rev_delete AFTER DELETE ON cohort_plan_change REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER cohort_station_rev_insert AFTER INSERT ON cohort_station REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER cohort_station_rev_update AFTER UPDATE ON cohort_station REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER cohort_station_rev_delete AFTER DELETE ON cohort_station REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER cohort_trainee_rev_insert AFTER INSERT ON cohort_trainee REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER cohort_trainee_rev_update AFTER UPDATE ON cohort_trainee REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER cohort_trainee_rev_delete AFTER DELETE ON cohort_trainee REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER competence_rev_insert AFTER INSERT ON competence REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER competence_rev_update AFTER UPDATE ON competence REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER competence_rev_delete AFTER DELETE ON competence REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER course_rev_insert AFTER INSERT ON course REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER course_rev_update AFTER UPDATE ON course REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER course_rev_delete AFTER DELETE ON course REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER course_session_rev_insert AFTER INSERT ON course_session REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER course_session_rev_update AFTER UPDATE ON course_session REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER course_session_rev_delete AFTER DELETE ON course_session REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER desk_rev_insert AFTER INSERT ON desk REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER desk_rev_update AFTER UPDATE ON desk REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER desk_rev_delete AFTER DELETE ON desk REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER enrolment_rev_insert AFTER INSERT ON enrolment REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER enrolment_rev_update AFTER UPDATE ON enrolment REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER enrolment_rev_delete AFTER DELETE ON enrolment REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER exemption_rev_insert AFTER INSERT ON exemption REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER exemption_rev_update AFTER UPDATE ON exemption REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER exemption_rev_delete AFTER DELETE ON exemption REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER floor_rev_insert AFTER INSERT ON floor REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER floor_rev_update AFTER UPDATE ON floor REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER floor_rev_delete AFTER DELETE ON floor REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER membership_rev_insert AFTER INSERT ON membership REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER membership_rev_update AFTER UPDATE ON membership REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER membership_rev_delete AFTER DELETE ON membership REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER mentorship_rev_insert AFTER INSERT ON mentorship REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER mentorship_rev_update AFTER UPDATE ON mentorship REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER mentorship_rev_delete AFTER DELETE ON mentorship REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER onb_template_rev_insert AFTER INSERT ON onb_template REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER onb_template_rev_update AFTER UPDATE ON onb_template REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER onb_template_rev_delete AFTER DELETE ON onb_template REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER onb_template_step_rev_insert AFTER INSERT ON onb_template_step REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER onb_template_step_rev_update AFTER UPDATE ON onb_template_step REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER onb_template_step_rev_delete AFTER DELETE ON onb_template_step REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER onboarding_rev_insert AFTER INSERT ON onboarding REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER onboarding_rev_update AFTER UPDATE ON onboarding REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER onboarding_rev_delete AFTER DELETE ON onboarding REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER onboarding_step_rev_insert AFTER INSERT ON onboarding_step REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER onboarding_step_rev_update AFTER UPDATE ON onboarding_step REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER onboarding_step_rev_delete AFTER DELETE ON onboarding_step REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER person_rev_insert AFTER INSERT ON person REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER person_rev_update AFTER UPDATE ON person REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER person_rev_delete AFTER DELETE ON person REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER requirement_rev_insert AFTER INSERT ON requirement REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER requirement_rev_update AFTER UPDATE ON requirement REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER requirement_rev_delete AFTER DELETE ON requirement REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER rotation_exception_rev_insert AFTER INSERT ON rotation_exception REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER rotation_exception_rev_update AFTER UPDATE ON rotation_exception REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER rotation_exception_rev_delete AFTER DELETE ON rotation_exception REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER self_assessment_rev_insert AFTER INSERT ON self_assessment REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER self_assessment_rev_update AFTER UPDATE ON self_assessment REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER self_assessment_rev_delete AFTER DELETE ON self_assessment REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER site_rev_insert AFTER INSERT ON site REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER site_rev_update AFTER UPDATE ON site REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER site_rev_delete AFTER DELETE ON site REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER team_rev_insert AFTER INSERT ON team REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER team_rev_update AFTER UPDATE ON team REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER team_rev_delete AFTER DELETE ON team REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER team_day_rev_insert AFTER INSERT ON team_day REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER team_day_rev_update AFTER UPDATE ON team_day REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER team_day_rev_delete AFTER DELETE ON team_day REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER training_record_rev_insert AFTER INSERT ON training_record REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER training_record_rev_update AFTER UPDATE ON training_record REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER training_record_rev_delete AFTER DELETE ON training_record REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER zone_rev_insert AFTER INSERT ON zone REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER zone_rev_update AFTER UPDATE ON zone REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER zone_rev_delete AFTER DELETE ON zone REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER presence_rev_insert AFTER INSERT ON presence REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER presence_rev_update AFTER UPDATE ON presence REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER presence_rev_delete AFTER DELETE ON presence REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER presence_default_rev_insert AFTER INSERT ON presence_default REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER presence_default_rev_update AFTER UPDATE ON presence_default REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER presence_default_rev_delete AFTER DELETE ON presence_default REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER presence_rev_rev_insert AFTER INSERT ON presence_rev REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER presence_rev_rev_update AFTER UPDATE ON presence_rev REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER presence_rev_rev_delete AFTER DELETE ON presence_rev REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER course_competence_rev_insert AFTER INSERT ON course_competence REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER course_competence_rev_update AFTER UPDATE ON course_competence REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER course_competence_rev_delete AFTER DELETE ON course_competence REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER course_session_booking_rev_insert AFTER INSERT ON course_session_booking REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER course_session_booking_rev_update AFTER UPDATE ON course_session_booking REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
CREATE TRIGGER course_session_booking_rev_delete AFTER DELETE ON course_session_booking REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hop_data_rev();
