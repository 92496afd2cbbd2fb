# Sourced by tests/bench/run.sh (its variables and helpers in scope).
# ---- 5c. training: status, coverage, the Training screen's matrix ----------------------
# The demo gives an organisation of this size a catalogue of 40 courses, 8 of
# them required of everyone (or of leads), and five years of records (about
# fifty a person, some lapsed).  training_time calls the core functions the
# command line and the Training screen call: one person's status, the
# coverage of every required course over the whole organisation, and the
# matrix of people x required courses for the team of 50 made above.
# Baselines, timed by sqlite3 itself (median of 5, whole milliseconds, taken
# as at least 1 ms): the records each must read at the least.
say "bench: training: status, coverage and the matrix of '$WEEK_TEAM', $QUERY_RUNS runs each ..."
"$BIN/training_time" "$DB" "$HOP_USER" "$VIEWER" "$team_id" "$HOP_TODAY" "$QUERY_RUNS" \
	> "$S/training.out" || exit 1
trn_records=$(q "SELECT count(*) FROM training_record")
trn_courses=$(q "SELECT count(*) FROM course")
trn_required=$(q "SELECT count(DISTINCT course_id) FROM requirement WHERE ended_at IS NULL")
trn_status_rows=$(awk '$1 == "status" { print $2 }' "$S/training.out")
trn_status_ms=$(awk '$1 == "status" { print $3 }' "$S/training.out")
trn_cov_rows=$(awk '$1 == "coverage" { print $2 }' "$S/training.out")
trn_cov_ms=$(awk '$1 == "coverage" { print $3 }' "$S/training.out")
trn_cov_people=$(awk '$1 == "coverage" { print $6 }' "$S/training.out")
trn_mx_rows=$(awk '$1 == "matrix" { print $2 }' "$S/training.out")
trn_mx_ms=$(awk '$1 == "matrix" { print $3 }' "$S/training.out")
trn_mx_people=$(awk '$1 == "matrix" { print $6 }' "$S/training.out")
viewer_id=$(q "SELECT id FROM person WHERE login = '$VIEWER'")
floor1() { awk -v a="$1" 'BEGIN { print (a < 1 ? 1 : a) }'; }
trn_status_base=$(sqlite_ms "SELECT course_id, max(done_on) FROM training_record
	WHERE person_id = $viewer_id AND revoked_at IS NULL GROUP BY course_id")
trn_cov_base=$(sqlite_ms "SELECT course_id, count(DISTINCT person_id) FROM training_record
	WHERE revoked_at IS NULL AND (valid_until IS NULL OR valid_until >= '$HOP_TODAY')
	AND course_id IN (SELECT course_id FROM requirement WHERE ended_at IS NULL) GROUP BY course_id")
trn_mx_base=$(sqlite_ms "SELECT r.person_id, r.course_id, max(r.done_on) FROM person p
	JOIN training_record r ON r.person_id = p.id WHERE p.team_id = $team_id
	AND r.revoked_at IS NULL GROUP BY r.person_id, r.course_id")
