# Sourced by tests/bench/run.sh (its variables and helpers in scope).
# ---- 5d. rotation: the due list, a team's timeline, cohort plans --------------------
# The demo gives an organisation of this size work areas over its teams (three
# in ten of the numbered units corruption-prone), ten years of posts for
# everyone in post (moves inside and between areas, short secondments,
# Hospitation weeks, secondments to other authorities, acting posts),
# exceptions, and a cohort of 12 trainees with a published plan.
# rotation_time calls the core functions the command line and the Rotation
# screen call: the due list over everyone with a due date however far
# (within < 0), the timeline of the team of 50 made above, and the due list
# of one team.  Baselines, timed by sqlite3 itself (median of 5, at least
# 1 ms): the membership rows each must read at the least.  Then cohort_time
# plans cohorts of 12, 30 and 60 trainees over 8-10 stations and 24-36
# months by the general method ('hop rotation plan': a heuristic, then GLPK
# when it must) under a time limit of $ROT_PLAN_LIMIT s each, and 200
# trainees over 12 stations of one length by the exact method; every plan it
# makes is checked by cohort_check.
ROT_PLAN_LIMIT=${BENCH_PLAN_LIMIT:-30}
ROT_DUE_TEAM="Referat Z 2 – Haushalt"
say "bench: rotation: the due list of everyone, the timeline of '$WEEK_TEAM', 10 runs each ..."
"$BIN/rotation_time" "$DB" "$HOP_USER" "$WEEK_TEAM" "$ROT_DUE_TEAM" 10 > "$S/rotation.out" || exit 1
rot_field() { awk -v k="$1" -v f="$2" '$1 == k { print $f }' "$S/rotation.out"; }
rot_due_rows=$(rot_field due 2); rot_due_ms=$(rot_field due 3); rot_due_overdue=$(rot_field due 6)
rot_tl_rows=$(rot_field timeline 2); rot_tl_ms=$(rot_field timeline 3); rot_tl_periods=$(rot_field timeline 6)
rot_team_rows=$(rot_field dueteam 2); rot_team_ms=$(rot_field dueteam 3)
rot_members=$(q "SELECT count(*) FROM membership")
rot_areas=$(q "SELECT count(*) FROM area")
rot_exceptions=$(q "SELECT count(*) FROM rotation_exception WHERE ended_on IS NULL")
rot_due_team_id=$(q "SELECT id FROM team WHERE name = '$ROT_DUE_TEAM'")
# Every membership row in person order (each due date needs a person's whole
# history in their areas); the periods of the team's members (the timeline
# and a team's due list need at least those).
rot_due_base=$(sqlite_ms "SELECT person_id, team_id, kind, start_on, end_on FROM membership
	ORDER BY person_id, start_on")
rot_tl_base=$(sqlite_ms "SELECT m.person_id, m.team_id, m.kind, m.start_on, m.end_on FROM person p
	JOIN membership m ON m.person_id = p.id WHERE p.team_id = $team_id ORDER BY p.id, m.start_on")
rot_team_base=$(sqlite_ms "SELECT m.person_id, m.team_id, m.kind, m.start_on, m.end_on FROM person p
	JOIN membership m ON m.person_id = p.id WHERE p.team_id = $rot_due_team_id ORDER BY p.id, m.start_on")
say "bench: rotation: cohort plans within $ROT_PLAN_LIMIT s each, and the exact method ..."
"$BIN/cohort_time" "$ROT_PLAN_LIMIT" > "$S/cohort.out" 2> "$S/cohort.err"
rot_cohort_rc=$?
# Budgets.  The due list of everyone is a report typed at a prompt: within 10x
# reading every membership row once (it walks each person's periods in their
# areas, adds the areas, leads and exceptions).  The timeline of a team of 50
# and one team's due list are what the Rotation screen redraws on a move:
# within 25x reading the members' periods, as for the Training matrix.
# Cohort plans: each general cohort gets a plan (optimal or feasible) that
# passes the check within its time limit (plus 10% for building the model);
# the exact method for 200 trainees over 12 stations is optimal, passes the
# check and takes under a second.
floor1() { awk -v a="$1" 'BEGIN { print (a < 1 ? 1 : a) }'; }
ok_rot_due=$(awk -v a="$rot_due_ms" -v b="$(floor1 "$rot_due_base")" -v n="$rot_due_rows" \
	'BEGIN { print (a <= 10 * b && n > 0) }')
ok_rot_tl=$(awk -v a="$rot_tl_ms" -v b="$(floor1 "$rot_tl_base")" -v n="$rot_tl_rows" \
	'BEGIN { print (a <= 25 * b && n >= 50) }')
ok_rot_team=$(awk -v a="$rot_team_ms" -v b="$(floor1 "$rot_team_base")" \
	'BEGIN { print (a <= 25 * b) }')
for ok in $ok_rot_due $ok_rot_tl $ok_rot_team; do
	[ "$ok" = 1 ] || fails=$((fails + 1))
done
# One verdict per cohort line: "cohort SIZE VARIANT METHOD OUTCOME SECONDS CHECK".
awk -v lim="$ROT_PLAN_LIMIT" '$1 == "cohort" {
	ok = ($7 == "pass") && ($4 == "exact" ? ($5 == "optimal" && $6 < 1) \
		: (($5 == "optimal" || $5 == "feasible") && $6 <= 1.1 * lim))
	print $0, (ok ? "PASS" : "FAIL") }' "$S/cohort.out" > "$S/cohort.verdicts"
rot_cohort_lines=$(wc -l < "$S/cohort.verdicts")
rot_cohort_fails=$(grep -c 'FAIL$' "$S/cohort.verdicts")
[ "$rot_cohort_lines" -ge 7 ] || rot_cohort_fails=$((rot_cohort_fails + 1))
fails=$((fails + rot_cohort_fails))

# The table's rows (run.sh calls it after the Training rows) and the notes.
rotation_rows() {
	printf '%-34s %-18s %-32s %-16s %s\n' "rotation due, everyone, ms" "$rot_due_ms" "membership in order $rot_due_base" "<= 10x" \
		"$(verdict "$ok_rot_due") ($(awk -v a="$rot_due_ms" -v b="$(floor1 "$rot_due_base")" 'BEGIN { printf "%.1fx", a / b }'))"
	printf '%-34s %-18s %-32s %-16s %s\n' "rotation timeline, team of $rot_tl_rows, ms" "$rot_tl_ms" "members' periods $rot_tl_base" "<= 25x" \
		"$(verdict "$ok_rot_tl") ($(awk -v a="$rot_tl_ms" -v b="$(floor1 "$rot_tl_base")" 'BEGIN { printf "%.1fx", a / b }'))"
	printf '%-34s %-18s %-32s %-16s %s\n' "rotation due, one team, ms" "$rot_team_ms" "members' periods $rot_team_base" "<= 25x" \
		"$(verdict "$ok_rot_team") ($(awk -v a="$rot_team_ms" -v b="$(floor1 "$rot_team_base")" 'BEGIN { printf "%.1fx", a / b }'))"
	while read -r _ size variant method outcome secs check v; do
		if [ "$method" = exact ]; then budget="< 1 s, optimal"; else budget="<= ${ROT_PLAN_LIMIT} s, a plan"; fi
		printf '%-34s %-18s %-32s %-16s %s\n' "cohort $size $variant, s" "$secs" "$method: $outcome, check $check" \
			"$budget" "$v"
	done < "$S/cohort.verdicts"
	[ "$rot_cohort_lines" -ge 7 ] ||
		printf '%-34s %-18s %-32s %-16s %s\n' "cohort_time (exit $rot_cohort_rc)" "-" "$rot_cohort_lines of 7 cases" "7 cases" FAIL
}
rotation_notes() {
	echo "rotation: $rot_areas work areas, $rot_members memberships (ten years), $rot_exceptions exceptions in force;" \
		"the due list of everyone: $rot_due_rows people with a due date, $rot_due_overdue overdue;" \
		"the timeline of '$WEEK_TEAM': $rot_tl_rows people, $rot_tl_periods periods; '$ROT_DUE_TEAM': $rot_team_rows due."
	echo "cohorts: SIZE is trainees/stations/months (tests/unit/cohort_gen.h): stations of different lengths," \
		"academy blocks, a month's leave for a quarter of the trainees, an order rule, an optional station and" \
		"minimums at two stations; 'first+' adds the home unit as every trainee's first station, 'equal' is the" \
		"exact method's case (one length, capacity only).  Method 'heuristic': the general method's plan came" \
		"from its heuristic, 'mip': from GLPK.  Time limit BENCH_PLAN_LIMIT=$ROT_PLAN_LIMIT s."
	if [ -s "$S/cohort.err" ]; then sed 's/^/cohorts: /' "$S/cohort.err" | head -10; fi
}
