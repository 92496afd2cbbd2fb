# Sourced by tests/bench/run.sh (its variables and helpers in scope).
# ---- 5b. onboarding: the Onboarding screen, overdue steps, a batch of mentors -----------
# The demo gives every new hire and everyone starting soon an onboarding of the
# German template's 15 steps (about 2,000 in an organisation of 20,000, the
# steps already due mostly ticked); onboarding_time starts more for the most
# recent starters until there are $ONBOARDINGS.  Then $NEW_HIRES people
# starting on one Monday, spread over the teams, come in by 'hop import
# people', and their mentors are matched as one batch (min-cost flow over
# every possible mentor of the organisation).
say "bench: onboarding: $ONBOARDINGS onboardings, $NEW_HIRES new hires for a batch of mentors ..."
BATCH_DAY=$(date -u -d "$HOP_TODAY + 21 day" +%F)
BATCH_DAY=$(date -u -d "$BATCH_DAY + $(( (8 - $(date -u -d "$BATCH_DAY" +%u)) % 7 )) day" +%F)
q "SELECT name FROM team WHERE dissolved_on IS NULL ORDER BY id" > "$S/teams.txt"
nteams=$(wc -l < "$S/teams.txt")
awk -v n="$NEW_HIRES" -v day="$BATCH_DAY" -v nt="$nteams" '
	{ team[NR] = $0 }
	END {
		print "login,name,team,start_date"
		for (i = 1; i <= n; i++)
			printf "benchnew%03d,Neu Bench %03d,\"%s\",%s\n", i, i, team[(i * 7) % nt + 1], day
	}' "$S/teams.txt" > "$S/hires.csv"
"$HOP" import people "$S/hires.csv" > "$S/hires.out" 2>&1 || { cat "$S/hires.out" >&2; exit 1; }
"$BIN/onboarding_time" "$DB" "$HOP_USER" "$ONBOARDINGS" "$BATCH_DAY" 20 > "$S/onb.out" || exit 1
onb_total=$(awk '$1 == "topup" { print $4 }' "$S/onb.out")
onb_steps=$(awk '$1 == "topup" { print $5 }' "$S/onb.out")
onb_topup=$(awk '$1 == "topup" { print $2 }' "$S/onb.out")
screen_ms=$(awk '$1 == "screen" { print $3 }' "$S/onb.out")
screen_rows=$(awk '$1 == "screen" { print $2 }' "$S/onb.out")
overdue_ms=$(awk '$1 == "overdue" { print $3 }' "$S/onb.out")
overdue_rows=$(awk '$1 == "overdue" { print $2 }' "$S/onb.out")
batch_ms=$(awk '$1 == "batch" { print $3 }' "$S/onb.out")
batch_hires=$(awk '$1 == "batch" { print $2 }' "$S/onb.out")
batch_matched=$(awk '$1 == "batch" { print $6 }' "$S/onb.out")
single_ms=$(awk '$1 == "single" { print $3 }' "$S/onb.out")
# Baselines: the steps any such report must read, timed by sqlite3 itself.
screen_base_ms=$(sqlite_ms "SELECT o.id, count(*), sum(s.mandatory), sum(s.done_on IS NOT NULL),
	min(CASE WHEN s.done_on IS NULL THEN s.due_on END) FROM onboarding o
	JOIN onboarding_step s ON s.onboarding_id = o.id AND s.dropped_at IS NULL
	WHERE o.state = 'open' GROUP BY o.id")
OVERDUE_SQL="SELECT s.due_on, p.login, p.name, s.position, s.title FROM onboarding_step s
	JOIN onboarding o ON o.id = s.onboarding_id JOIN person p ON p.id = o.person_id
	WHERE s.done_on IS NULL AND s.dropped_at IS NULL AND s.due_on < '$HOP_TODAY'
	AND o.state = 'open' ORDER BY s.due_on"
overdue_base_ms=$(sqlite_ms "$OVERDUE_SQL")
# The whole command against a sqlite3 process printing the same rows.
OVERDUE_CMD="$HOP onboarding list --overdue"
OVERDUE_RAW="sqlite3 -readonly $DB \"$(echo "$OVERDUE_SQL" | tr '\n\t' '  ')\""
if command -v hyperfine >/dev/null; then
	hyperfine -N --style none --warmup 3 --runs "$BOOK_RUNS" "$OVERDUE_CMD" \
		--export-json "$S/od.json" > /dev/null 2>&1 || { say "bench: hyperfine hop onboarding failed"; exit 1; }
	hyperfine --style none --warmup 3 --runs "$BOOK_RUNS" "$OVERDUE_RAW" \
		--export-json "$S/odraw.json" > /dev/null 2>&1 || { say "bench: hyperfine sqlite3 failed"; exit 1; }
	od_cmd_ms=$(jq '.results[0].median * 1000' "$S/od.json")
	od_raw_ms=$(jq '.results[0].median * 1000' "$S/odraw.json")
else
	: > "$S/od.ms"; : > "$S/odraw.ms"
	r=0
	while [ "$r" -lt "$BOOK_RUNS" ]; do
		t0=$(now_ns); $OVERDUE_CMD > /dev/null || exit 1; ms_since "$t0" >> "$S/od.ms"; echo >> "$S/od.ms"
		t0=$(now_ns); sh -c "$OVERDUE_RAW" > /dev/null || exit 1; ms_since "$t0" >> "$S/odraw.ms"; echo >> "$S/odraw.ms"
		r=$((r + 1))
	done
	od_cmd_ms=$(grep . "$S/od.ms" | median)
	od_raw_ms=$(grep . "$S/odraw.ms" | median)
fi
od_cmd_rows=$($OVERDUE_CMD --format csv | tail -n +2 | wc -l)
# The batch once for real: the command that assigns the mentors.
t0=$(now_ns)
"$HOP" mentor suggest --start "$BATCH_DAY" --assign > "$S/assign.out" 2>&1 || { cat "$S/assign.out" >&2; exit 1; }
assign_ms=$(ms_since "$t0")
assigned=$(q "SELECT count(*) FROM mentorship m JOIN person p ON p.id = m.mentee_id
	WHERE p.start_date = '$BATCH_DAY' AND m.cancelled_at IS NULL")
over_cap=$(q "SELECT count(*) FROM (SELECT m.mentor_id FROM mentorship m
	WHERE m.cancelled_at IS NULL AND m.start_on <= '$BATCH_DAY' AND m.end_on >= '$BATCH_DAY'
	GROUP BY m.mentor_id HAVING count(*) > 2)")
