#!/bin/sh
# Competences, self-assessed needs and the equity report through the binary:
# the catalogue and who keeps it, a need of 0 or 6 refused without a trace,
# history, a lead of a three-person team refused the needs report (HR too),
# the equity report's shares against a hand count, German messages.
. "$(dirname "$0")/lib.sh"

col() {   # col FILE GROUP TEAM KEY: a cell of the csv by its row's group/team and column
	tr -d '\r' < "$1" | awk -F, -v g="$2" -v t="$3" -v k="$4" '
		NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
		$c["group"] == g && $c["team"] == t { print $c[k] }'
}
csv() { tr -d '\r' < "$OUT"; }

expect_ok "init" init --name "Tess Ter"
expect_ok "team 1" team add "Referat 1"
expect_ok "team 2" team add "Referat 2"
expect_ok "lead l1" person add l1 --name "Lena Eins" --team "Referat 1" --roles employee,lead --start 2015-01-05
expect_ok "lead l2" person add l2 --name "Lars Zwei" --team "Referat 2" --roles employee,lead --start 2015-01-05
expect_ok "l1 leads 1" team edit "Referat 1" --lead l1
expect_ok "l2 leads 2" team edit "Referat 2" --lead l2
for i in 1 2 3; do expect_ok "s$i" person add "s$i" --name "Sven S$i" --team "Referat 1" --start 2016-01-04; done
for i in 4 5; do expect_ok "s$i" person add "s$i" --name "Sina S$i" --team "Referat 2" --start 2016-01-04; done

# ---- competences ----
expect_ok "competence add" competence add it-sec --name "IT-Sicherheit" --benchmark 2.89
has "$OUT" "added the competence it-sec (IT-Sicherheit)" "competence add says so"
expect_ok "competence with a comma" competence add ds --name "Datenschutz" --benchmark 2,75
expect_fail "a benchmark of 6" 2 competence add x --name X --benchmark 6
has "$ERR" "--benchmark wants a mean need from 1.00 to 5.00, such as 2.89, not '6'" "the benchmark refusal"
expect_fail "a duplicate code" ! competence add IT-SEC --name Doppelt
has "$ERR" "there is already a competence with the code 'IT-SEC'" "the duplicate refusal"
HOP_USER=l1 expect_fail "a lead cannot add" ! competence add y --name Y
has "$ERR" "only HR or an admin can change the competence catalogue" "who keeps the catalogue"
expect_ok "competence list csv" competence list --format csv
eq "$(csv)" "code,name,benchmark
it-sec,IT-Sicherheit,2.89
ds,Datenschutz,2.75" "the catalogue in csv"
expect_ok "competence edit" competence edit ds --benchmark 2.70
has "$OUT" "changed the competence ds: benchmark: 2.75 -> 2.70" "edit says what changed"
expect_ok "competence retire" competence add alt --name "Alt"
expect_ok "competence retire" competence retire alt
expect_ok "list without retired" competence list --format csv
hasnt "$OUT" "alt," "a retired competence is not listed"

# ---- needs ----
before=$(sql "SELECT count(*) FROM self_assessment")
HOP_USER=s1 expect_fail "a need of 6" 2 training need it-sec 6
has "$ERR" "a training need is stated from 1 (very low) to 5 (very high), not '6'" "the need of 6 refused clearly"
HOP_USER=s1 expect_fail "a need of 0" 2 training need it-sec 0
HOP_USER=s1 expect_fail "a retired competence" ! training need alt 3
eq "$(sql "SELECT count(*) FROM self_assessment")" "$before" "refused needs change nothing"
HOP_USER=s1 expect_ok "s1 states a need" training need it-sec 2 --on 2026-06-01
HOP_USER=s1 expect_ok "s1 states it again" training need it-sec 4
has "$OUT" "only you and HR see it" "the statement says who sees it"
HOP_USER=s1 expect_ok "s1's history" training needs --mine --format csv
eq "$(csv)" "code,competence,need,stated_on,latest
it-sec,IT-Sicherheit,4,2026-11-23,yes
it-sec,IT-Sicherheit,2,2026-06-01,no" "the history, newest first"
HOP_USER=l1 expect_fail "the lead does not see s1's statements" ! training needs --person s1
expect_ok "HR sees them" training needs --person s1 --format csv
has "$OUT" "it-sec,IT-Sicherheit,4,2026-11-23,yes" "HR sees the statement"
for p in s2 s3; do HOP_USER=$p expect_ok "$p states" training need it-sec 3; done
for p in l2 s4 s5; do HOP_USER=$p expect_ok "$p states" training need it-sec 5; done

# Referat 2 has three members: its lead is refused and told why; HR too.
HOP_USER=l2 expect_fail "the lead of three is refused" 4 training needs --team "Referat 2" --format csv
has "$ERR" "the training needs of Referat 2 are not shown: it has 3 members, and needs are shown only for groups of at least 5 people" "the refusal names the privacy rule and the size"
expect_fail "HR too for a team of three" 4 training needs --team "Referat 2"
HOP_USER=l1 expect_fail "not another lead's team" 4 training needs --team "Referat 2"
HOP_USER=s1 expect_fail "an employee sees no group" 4 training needs
has "$ERR" "'hop training needs --mine' shows your own." "the employee is pointed to their own"
# Everyone today: 8 people, it-sec rated by 6 (4, 3, 3, 5, 5, 5: 4.17), ds by none.
expect_ok "HR sees everyone" training needs --format csv
eq "$(csv)" "code,competence,n,mean,benchmark,difference
it-sec,IT-Sicherheit,6,4.17,2.89,+1.28
ds,Datenschutz,0,,2.70," "the means against the benchmarks"
printf '[privacy]\nmin_group = 3\n' > "$SCRATCH/small.ini"
HOP_CONFIG="$SCRATCH/small.ini" HOP_USER=l2 expect_ok "min_group 3 lets the lead of three see" training needs --format csv
has "$OUT" "it-sec,IT-Sicherheit,3,5.00,2.89,+2.11" "the team of three's mean"

# ---- equity: a hand count ----
# Referat 1: l1 two records on one day, s1 one record (and one before the
# period), s2 a two-day session attended with its record, s3 nothing;
# Referat 2: l2 nothing, s4 a revoked record, s5 a record after the period.
sql "INSERT INTO course (code, title, created_on) VALUES ('C1', 'Kurs 1', '2020-01-01'), ('C2', 'Kurs 2', '2020-01-01');
INSERT INTO course_session (course_id, starts_at, ends_at, capacity, created_at, created_by)
  VALUES (1, '2026-04-14T09:00', '2026-04-15T16:00', 10, 'x', 'tester');
INSERT INTO enrolment (session_id, person_id, state, result, queued_at, requested_by)
  SELECT 1, id, 'attended', 'passed', 'x', 'tester' FROM person WHERE login = 's2';
INSERT INTO training_record (person_id, course_id, done_on, result, source, enrolment_id, created_at, created_by, revoked_at, revoke_reason)
  SELECT p.id, v.c, v.d, 'passed', v.s, v.e, 'x', 'tester', v.r, v.rr FROM person p JOIN (
    SELECT 'l1' AS l, 1 AS c, '2026-02-10' AS d, 'manual' AS s, CAST(NULL AS integer) AS e,
      CAST(NULL AS text) AS r, CAST(NULL AS text) AS rr
    UNION ALL SELECT 'l1', 2, '2026-02-10', 'manual', NULL, NULL, NULL
    UNION ALL SELECT 's1', 1, '2026-03-01', 'import', NULL, NULL, NULL
    UNION ALL SELECT 's1', 2, '2025-12-31', 'import', NULL, NULL, NULL
    UNION ALL SELECT 's2', 1, '2026-04-15', 'session', 1, NULL, NULL
    UNION ALL SELECT 's4', 1, '2026-05-05', 'manual', NULL, 'x', 'in error'
    UNION ALL SELECT 's5', 1, '2026-07-01', 'manual', NULL, NULL, NULL) v ON v.l = p.login;" ||
	nok "the equity fixture"
expect_ok "equity csv" training equity --from 2026-01-01 --to 2026-06-30 --format csv
E="$SCRATCH/equity.csv"; cp "$OUT" "$E"
# 7 people (l1, l2, s1..s5; tester starts on 2026-11-23, after the period);
# trained: l1, s1, s2.
eq "$(col "$E" all "" people) $(col "$E" all "" trained) $(col "$E" all "" share_trained) $(col "$E" all "" share_none)" \
	"7 3 42.9 57.1" "everyone: 3 of 7 trained, 57.1 % with none"
eq "$(col "$E" leads "" people) $(col "$E" leads "" trained) $(col "$E" leads "" share_trained) $(col "$E" leads "" survey_share_trained)" \
	"2 1 50.0 34" "leads: 1 of 2, beside the survey's 34 %"
eq "$(col "$E" staff "" people) $(col "$E" staff "" trained) $(col "$E" staff "" share_trained) $(col "$E" staff "" survey_share_trained)" \
	"5 2 40.0 17" "staff: 2 of 5, beside the survey's 17 %"
eq "$(col "$E" all "" training_days) $(col "$E" all "" trainings)" "4 4" \
	"training days: l1 1 (two records one day), s1 1, s2 2 (a two-day session); trainings 2 + 1 + 1"
eq "$(col "$E" team referat-1 people) $(col "$E" team referat-1 trained) $(col "$E" team referat-1 share_trained) $(col "$E" team referat-1 days_per_person)" \
	"4 3 75.0 1.00" "Referat 1: 3 of 4, a day per person"
eq "$(col "$E" team referat-2 people) $(col "$E" team referat-2 trained) $(col "$E" team referat-2 share_none)" \
	"3 0 100.0" "Referat 2: a revoked record and one after the period do not count"
HOP_USER=l1 expect_ok "a lead sees their own team" training equity --from 2026-01-01 --to 2026-06-30 --format csv
eq "$(col "$OUT" all "" people)" "4" "the lead's report counts their team only"
HOP_USER=l1 expect_fail "not another team" 4 training equity --from 2026-01-01 --to 2026-06-30 --team "Referat 2"
HOP_USER=s1 expect_fail "an employee is refused" 4 training equity --from 2026-01-01 --to 2026-06-30
expect_ok "a period without any training" training equity --from 2020-01-01 --to 2020-01-31 --format csv
eq "$(col "$OUT" all "" trained) $(col "$OUT" all "" share_none)" "0 100.0" "nobody trained in January 2020"
expect_fail "a period backwards" ! training equity --from 2026-06-30 --to 2026-01-01
expect_fail "no period" 2 training equity
expect_ok "equity as a table" training equity --from 2026-01-01 --to 2026-06-30 --wide
has "$OUT" "the survey found 34 % of leads and 17 % of staff trained" "the table names the survey's shares"

# ---- the session plan: 5 overdue, 2 sessions of 3 seats ----
expect_ok "course C3" course add C3 --title "Erste Hilfe" --validity 12
expect_ok "required of Referat 1" training require C3 --team "Referat 1"
expect_ok "and of s4" training require C3 --person s4
# Overdue on 2026-11-23 by (valid through the day before the anniversary):
# s1 since 2026-06-01, s2 2026-08-01, s3 2026-09-01, l1 2026-10-01, s4 2026-11-01.
n=0
for pd in s1:2025-06-01 s2:2025-08-01 s3:2025-09-01 l1:2025-10-01 s4:2025-11-01; do
	expect_ok "record ${pd%%:*}" training record "${pd%%:*}" C3 --on "${pd#*:}"
done
sql "INSERT INTO course_session (course_id, starts_at, ends_at, capacity, created_at, created_by)
  SELECT id, '2026-12-01T09:00', '2026-12-01T12:00', 3, 'x', 'tester' FROM course WHERE code = 'C3';
INSERT INTO course_session (course_id, starts_at, ends_at, capacity, created_at, created_by)
  SELECT id, '2026-12-08T09:00', '2026-12-08T12:00', 3, 'x', 'tester' FROM course WHERE code = 'C3';"
first=$(sql "SELECT id FROM course_session WHERE starts_at = '2026-12-01T09:00'")
second=$(sql "SELECT id FROM course_session WHERE starts_at = '2026-12-08T09:00'")
placed() { tr -d '\r' < "$OUT" | awk -F, -v l="$1" 'NR > 1 && $1 == l { print $5 }'; }
HOP_USER=l1 expect_fail "a lead does not plan" 4 training plan C3
expect_ok "the plan" training plan C3 --format csv
eq "$(tr -d '\r' < "$OUT" | tail -n +2 | cut -d, -f1 | tr '\n' ' ')" "s1 s2 s3 l1 s4 " "most overdue first"
eq "$(placed s1) $(placed s2) $(placed s3) $(placed l1) $(placed s4)" "$first $first $first $second $second" \
	"everyone placed, the three most overdue in the earlier session"
eq "$(sql "SELECT count(*) FROM enrolment e JOIN course_session s ON s.id = e.session_id JOIN course c ON c.id = s.course_id WHERE c.code = 'C3'")" \
	"0" "a plan enrols nobody"
expect_ok "s3 away on the first session's day" presence set 2026-12-01 away --for s3
expect_ok "the plan again" training plan C3 --format csv
eq "$(placed s3) $(placed l1)" "$second $first" "not on a day away: s3 moves to the later session, l1 takes the seat"
expect_ok "confirm" training plan C3 --confirm
has "$OUT" "Enrolled 5 people as booked." "confirm says how many"
eq "$(sql_list , "SELECT count(*) FROM enrolment WHERE state = 'booked' AND session_id IN ($first, $second) GROUP BY session_id ORDER BY session_id")" \
	"3,2" "within capacity"
eq "$(sql "SELECT count(*) FROM audit WHERE action = 'enrol.plan'") $(sql "SELECT count(*) FROM audit WHERE action = 'plan.confirm'")" \
	"5 1" "every enrolment audited"
expect_ok "planned again" training plan C3
has "$OUT" "Nobody is due, overdue or expiring for this course." "the enrolled are not planned twice"
expect_fail "an unknown course" ! training plan NOPE

# ---- German ----
if locale -a 2>/dev/null | grep -qiE '^de_DE\.utf-?8$'; then
	LC_ALL=de_DE.UTF-8 HOP_USER=l2 expect_fail "German refusal" 4 training needs --team "Referat 2"
	has "$ERR" "der Fortbildungsbedarf von Referat 2 wird nicht gezeigt: das Team hat 3 Mitglieder" "the refusal in German"
	LC_ALL=de_DE.UTF-8 expect_ok "German equity" training equity --from 2026-01-01 --to 2026-06-30
	has "$OUT" "Führungskräfte" "the groups in German"
else
	skip "the locale de_DE.UTF-8 is not installed"
fi
finish
