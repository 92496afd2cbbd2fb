#!/bin/sh
# Screen tests of the Training screen (tab 5), headless in tmux at 80×24 (see
# tmux.sh).  Three courses required of everyone, a record, an exemption and
# two sessions made on the command line; then an employee sees their overdue
# courses and the sessions for them, Enter enrols (the seat count changes, in
# the database too), d cancels after y, and a full session puts them on the
# waitlist; the team's lead sees the matrix of the team with the statuses and
# the counts per column as 'hop training coverage' reports them, Enter on a
# cell shows the person's status, v shows the sessions, ? the keys; HR chooses
# another team with T.  Last the same in German at 80×24.
. "$(dirname "$0")/../cli/lib.sh"
. "$(dirname "$0")/tmux.sh"

: "${HOPLOCALEDIR:=$(dirname "$HOP")/locale}"
export HOPLOCALEDIR
DE=de_DE.UTF-8

if tmux_missing; then
	skip "tmux is not installed; the screen tests need it (apt-get install tmux)"
	finish
	exit
fi

printf '[organisation]\nname = Bundesamt für Beispiele\n' >"$CONF"
run init --demo
if [ "$RC" -ne 0 ]; then
	nok "hop init --demo failed: $(head -c 400 "$ERR")"
	finish
	exit
fi

# ---- the data, made on the command line ----
# The team with the most members, its lead, two employees of it, another team.
TEAM=$(sql "SELECT t.name FROM team t JOIN person p ON p.team_id = t.id
	WHERE t.dissolved_on IS NULL AND t.lead_id IS NOT NULL GROUP BY t.id ORDER BY count(*) DESC, t.id LIMIT 1")
LEAD=$(sql "SELECT p.login FROM team t JOIN person p ON p.id = t.lead_id WHERE t.name = '$TEAM'")
EMP=$(sql "SELECT p.login FROM person p JOIN team t ON t.id = p.team_id WHERE t.name = '$TEAM'
	AND p.roles = 1 AND p.end_date IS NULL ORDER BY p.login LIMIT 1")
EMP_NAME=$(sql "SELECT name FROM person WHERE login = '$EMP'")
VALID=$(sql "SELECT p.login FROM person p JOIN team t ON t.id = p.team_id WHERE t.name = '$TEAM'
	AND p.roles = 1 AND p.end_date IS NULL AND p.login <> '$EMP' ORDER BY p.login LIMIT 1")
VALID_NAME=$(sql "SELECT name FROM person WHERE login = '$VALID'")
OTHER_TEAM=$(sql "SELECT name FROM team WHERE dissolved_on IS NULL AND name <> '$TEAM'
	ORDER BY id LIMIT 1")
FILL=$(sql "SELECT login FROM person WHERE end_date IS NULL AND login NOT IN ('$EMP', '$VALID', '$LEAD')
	AND roles = 1 ORDER BY login LIMIT 2" | tr '\n' ' ')
# The demo's own training (its catalogue's requirements and sessions) ended,
# so that the screen shows what this test sets up.
for r in $(sql "SELECT id FROM requirement"); do
	run training unrequire "$r"
done
for x in $(sql "SELECT id FROM course_session"); do
	run session cancel "$x" --reason "not part of this test"
done
eq "$(sql "SELECT count(*) FROM requirement WHERE ended_at IS NULL")" 0 "the demo's requirements ended"
expect_ok "course DS-BASIS" course add DS-BASIS --title "Datenschutz-Grundlagen" --validity 24
expect_ok "course IT-SEC" course add IT-SEC --title "IT-Sicherheit" --validity 12
expect_ok "course UNTERW" course add UNTERW --title "Sicherheitsunterweisung" --kind instruction \
	--validity 12
for c in DS-BASIS IT-SEC UNTERW; do
	expect_ok "$c required of everyone" training require "$c" --all --from 2026-01-01
done
expect_ok "$VALID_NAME has done DS-BASIS" training record "$VALID" DS-BASIS --on 2026-03-10
expect_ok "an exemption from IT-SEC" training exempt "$VALID" IT-SEC --reason "Elternzeit" \
	--until 2027-06-30
expect_ok "a session of DS-BASIS with 2 seats" session add DS-BASIS --start "2026-12-01 09:00" \
	--end "2026-12-01 12:00" --capacity 2 --location "Schulungszentrum Nord"
S1=$(tr -d '\r\n' <"$OUT")
expect_ok "a session of IT-SEC with 20 seats" session add IT-SEC --start "2027-01-12 13:00" \
	--capacity 20 --online https://lernen.example/it
S2=$(tr -d '\r\n' <"$OUT")
[ -n "$S1" ] && [ -n "$S2" ] && ok "the sessions have ids ($S1, $S2)" || nok "session ids: '$S1' '$S2'"
# status_of LOGIN CODE: the status core gives (hop training status --format csv).
status_of() {
	"$HOP" training status "$1" --format csv 2>/dev/null | tr -d '\r' |
		awk -F, -v c="$2" 'NR > 1 && $1 == c { print $3 }'
}
eq "$(status_of "$EMP" UNTERW),$(status_of "$VALID" DS-BASIS),$(status_of "$VALID" IT-SEC)" \
	"overdue,valid,exempt" "core: the employee is overdue, the other valid and exempt"
# booked SESSION: the seats taken in the database.
booked() { sql "SELECT count(*) FROM enrolment WHERE session_id = $1 AND state = 'booked'"; }
state_of() { sql "SELECT state FROM enrolment e JOIN person p ON p.id = e.person_id
	WHERE e.session_id = $1 AND p.login = '$2' ORDER BY e.id DESC LIMIT 1"; }

help_box() { sed -n "/$1/,/$2/p" "$SCR" | sed 's/^[^│]*│//; s/│[^│]*$//'; }
status_for() {
	i=0
	while [ "$i" -lt 100 ]; do
		grab && tail -n 4 "$SCR" | tr '\n' ' ' | tr -s ' ' | grep -qF -- "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
# select_row TEXT: move down until the selected row holds TEXT.
select_row() {
	i=0
	grab
	while ! sel_line | grep -qF -- "$1" && [ "$i" -lt 30 ]; do
		prev=$(sel_line)
		keys j
		j=0
		while [ "$j" -lt 50 ]; do
			grab
			[ "$(sel_line)" != "$prev" ] && break
			sleep 0.1
			j=$((j + 1))
		done
		i=$((i + 1))
	done
	sel_line | grep -qF -- "$1"
}
row_of() { grep -F -- "$1" "$SCR" | head -1; }

# ---- the employee at 80×24 ----
start 80 24 "$EMP"
if ! wait_for "KW 48"; then
	nok "hop comes up: $(head -c 600 "$SCR")"
	finish
	exit
fi
keys 5
if wait_for "Your training on"; then
	ok "5 shows the employee's own training"
	row=$(row_of "Sicherheitsunterweisung")
	case "$row" in
	*"O UNTERW"*"overdue"*"01.01."*) ok "an overdue course: letter, status and due day";;
	*) nok "the overdue course's row: '$row'";;
	esac
	has "$SCR" "Your training on Mon 2026-11-23 · 3 overdue" "the heading counts the overdue courses"
	has "$SCR" "Sessions for your courses" "the sessions for the courses follow"
	row=$(row_of "Datenschutz-Grundlagen    2 of 2")
	[ -n "$row" ] && ok "the session of DS-BASIS shows 2 of 2 seats free" ||
		nok "the session's seats: $(grep -F "01.12." "$SCR")"
	has "$SCR" "? help   Enter enrol   d cancel   v view   T team   1-6 Tab: screens   q quit" \
		"the footer shows the screen's keys at 80 columns"
else
	nok "5 shows the employee's training: $(cat "$SCR")"
fi
if select_row "01.12. 09:00"; then
	ok "j selects the session"
	has "$SCR" "Schulungszentrum Nord" "the line below says where it is"
	keys Enter
	if status_for "Booked: a seat in Datenschutz-Grundlagen on 01.12. 09:00."; then
		ok "Enter enrols: a seat is booked"
		wait_for "1 of 2" && ok "the free seats go to 1 of 2" || nok "seats after Enter: $(sel_line)"
		case "$(sel_line)" in
		*booked*) ok "the row says booked";;
		*) nok "the row after enrolling: $(sel_line)";;
		esac
		eq "$(booked "$S1"),$(state_of "$S1" "$EMP")" "1,booked" "the database has the seat booked"
	else
		nok "Enter enrols: $(tail -n 3 "$SCR")"
	fi
	keys Enter
	status_for "You are already enrolled in Datenschutz-Grundlagen" &&
		ok "Enter again says the enrolment is there" || nok "Enter again: $(tail -n 2 "$SCR")"
	keys d
	if status_for "Cancel your enrolment in Datenschutz-Grundlagen on 01.12. 09:00?"; then
		ok "d asks before cancelling"
		keys n
		status_for "Nothing changed: your enrolment stays." && ok "n keeps the enrolment" ||
			nok "n: $(tail -n 2 "$SCR")"
		eq "$(booked "$S1")" 1 "the database still has the seat"
		keys d
		status_for "Cancel your enrolment" || nok "d asks again"
		keys y
		status_for "Enrolment in Datenschutz-Grundlagen on 01.12. 09:00 cancelled." &&
			ok "y cancels" || nok "y: $(tail -n 2 "$SCR")"
		wait_for "2 of 2" && ok "the seat is free again" || nok "seats after y: $(sel_line)"
		eq "$(booked "$S1"),$(state_of "$S1" "$EMP")" "0,cancelled" "the database has it cancelled"
	else
		nok "d asks: $(tail -n 3 "$SCR")"
	fi
else
	nok "selecting the session: $(cat "$SCR")"
fi
keys '?'
if wait_for "Keys of the Training screen"; then
	ok "? shows the keys of the Training screen"
	has "$SCR" "cancel your enrolment in the session (y to confirm)" "the help explains d"
	help_box "Keys of the Training screen" "close this help" | grep -q '…' &&
		nok "a line of the help is cut: $(help_box "Keys of the" "close" | grep '…')" ||
		ok "every line of the screen's help is whole at 80 columns"
	keys x
	wait_gone "Keys of the Training screen" || nok "any key closes the help"
else
	nok "? shows the keys: $(cat "$SCR")"
fi
keys v
wait_for "coming sessions" && ok "v: an employee goes on to the sessions" || nok "v: $(cat "$SCR")"
keys v
wait_for "Your training on" && ok "v again: back to their own (no matrix)" || nok "v v: $(cat "$SCR")"
keys q
expect_exit_clean "employee, q"

# ---- a full session: the waitlist ----
for who in $FILL; do
	expect_ok "$who enrolled by HR" enrol "$S1" --for "$who"
done
eq "$(booked "$S1")" 2 "the session is full"
start 80 24 "$EMP"
wait_for "KW 48"
keys 5
wait_for "Your training on" || nok "the employee's training again"
keys v
wait_for "coming sessions · 1 full" && ok "the sessions view counts the full session" ||
	nok "sessions view: $(sed -n 3p "$SCR")"
row=$(row_of "01.12. 09:00")
case "$row" in
*"2/2"*" 0 "*) ok "the session shows 2/2 seats taken, 0 free";;
*) nok "the full session's row: '$row'";;
esac
select_row "01.12. 09:00" || nok "selecting the full session"
keys Enter
if status_for "Datenschutz-Grundlagen on 01.12. 09:00 is full: on the waitlist, place 1."; then
	ok "Enter on a full session: the waitlist, place 1"
	eq "$(state_of "$S1" "$EMP")" waitlisted "the database has the employee waitlisted"
	case "$(sel_line)" in
	*"waitlist 1"*) ok "the row says waitlist 1";;
	*) nok "the row: $(sel_line)";;
	esac
else
	nok "the waitlist: $(tail -n 3 "$SCR")"
fi
keys i
if wait_for "Press any key to close."; then
	has "$SCR" "2 of 2 taken, 0 free · 1 waiting" "i shows the seats and the waitlist"
	has "$SCR" "waitlist, place 1" "and the employee's place"
	keys x
	wait_gone "Press any key to close." || nok "any key closes the box"
else
	nok "i: $(cat "$SCR")"
fi
keys q
expect_exit_clean "waitlist, q"

# ---- the lead: the matrix ----
"$HOP" training coverage --team "$TEAM" --format csv | tr -d '\r' >"$SCRATCH/cov"
cov() { awk -F, -v c="$1" -v f="$2" 'NR > 1 && $1 == c { print $f }' "$SCRATCH/cov"; }
PEOPLE=$(cov UNTERW 3)
start 80 24 "$LEAD"
wait_for "KW 48"
keys 5
if wait_for "$TEAM · $PEOPLE people · 3 required courses"; then
	ok "the lead sees the matrix of their team ($PEOPLE people)"
	hdr=$(grep -E "^  Name +DS-BASIS +IT-SEC +UNTERW" "$SCR")
	[ -n "$hdr" ] && ok "the columns are the required courses" || nok "columns: $(sed -n 4p "$SCR")"
	row=$(row_of "$VALID_NAME")
	case "$row" in
	*" V "*" X "*) ok "$VALID_NAME: valid, exempt";;
	*) nok "$VALID_NAME's row: '$row'";;
	esac
	row=$(row_of "$EMP_NAME")
	case "$row" in
	*" O "*" O "*" O"*) ok "$EMP_NAME: overdue three times";;
	*) nok "$EMP_NAME's row: '$row'";;
	esac
	want=$(printf 'O overdue %s %s %s' "$(cov DS-BASIS 6)" "$(cov IT-SEC 6)" "$(cov UNTERW 6)")
	got=$(grep "O overdue" "$SCR" | tr -s ' ' | sed 's/^ //')
	eq "$got" "$want" "the counts overdue per column are core's coverage report"
	share=$(cov DS-BASIS 5)
	pct=$(awk -v s="$share" 'BEGIN { printf "%d%%", int(s + 0.5) }')
	grep "coverage" "$SCR" | grep -q " $pct " && ok "the coverage of DS-BASIS is $pct" ||
		nok "coverage $pct: $(grep coverage "$SCR")"
	select_row "$VALID_NAME" || nok "selecting $VALID_NAME"
	keys Enter
	if wait_for "Press any key to close."; then
		has "$SCR" "DS-BASIS Datenschutz-Grundlagen" "Enter on a cell shows the course"
		has "$SCR" "Valid until  Thu 2028-03-09" "and until when it is valid (TRN-5: 24 months - 1 day)"
		keys x
		wait_gone "Press any key to close." || nok "any key closes the cell's box"
	else
		nok "Enter on a cell: $(cat "$SCR")"
	fi
	keys l
	wait_for "$VALID_NAME · IT-Sicherheit: exempt" && ok "l moves to the next course" ||
		nok "l: $(tail -n 2 "$SCR")"
	keys v
	wait_for "coming sessions" && ok "v shows the sessions" || nok "v: $(cat "$SCR")"
	has "$SCR" "1 full" "with the full session"
else
	nok "the lead's matrix: $(cat "$SCR")"
fi
keys q
expect_exit_clean "lead, q"

# ---- HR: another team ----
start 80 24 tester
wait_for "KW 48"
keys 5
wait_for "required courses" || nok "HR sees a matrix: $(cat "$SCR")"
keys T
if wait_for "Team:"; then
	text "$OTHER_TEAM"
	keys Enter
	wait_for "$OTHER_TEAM · " && ok "T chooses another team's matrix" || nok "T: $(sed -n 3p "$SCR")"
else
	nok "T opens the team chooser: $(cat "$SCR")"
fi
keys q
expect_exit_clean "HR, q"

# ---- German at 80×24 ----
if ! locale -a 2>/dev/null | grep -qiE '^de_DE\.utf-?8$'; then
	skip "the locale $DE is not installed; the German screen is not tested"
	finish
	exit
fi
start 80 24 "$LEAD" LC_ALL=$DE LANG=$DE
wait_for "KW 48" || nok "the German screen comes up"
keys 5
if wait_for "$TEAM · $PEOPLE Personen · 3 Pflichtfortbildungen"; then
	ok "the lead's matrix in German"
	row=$(row_of "$VALID_NAME")
	case "$row" in
	*" G "*" B "*) ok "German letters: gültig, befreit";;
	*) nok "$VALID_NAME's row in German: '$row'";;
	esac
	has "$SCR" "Ü überfällig" "the counts in German"
	has "$SCR" "Abdeckung" "the coverage in German"
	has "$SCR" "? Hilfe   Enter anmelden   d stornieren   v Ansicht   T Team   q beenden" \
		"the German footer fits 80 columns"
	keys '?'
	if wait_for "Tasten der Ansicht Fortbildung"; then
		has "$SCR" "eigene Anmeldung stornieren (mit y)" "the help explains d in German"
		help_box "Tasten der Ansicht Fortbildung" "schließt diese Hilfe" | grep -q '…' &&
			nok "a line of the German help is cut: $(help_box "Tasten" "schließt" | grep '…')" ||
			ok "every line of the screen's German help is whole at 80 columns"
		keys x
		wait_gone "Tasten der Ansicht"
	else
		nok "the German help: $(cat "$SCR")"
	fi
else
	nok "the German matrix: $(cat "$SCR")"
fi
keys q
expect_exit_clean "German lead, q"
start 80 24 "$VALID" LC_ALL=$DE LANG=$DE
wait_for "KW 48"
keys 5
if wait_for "Eigene Fortbildungen am Mo 23.11.2026"; then
	ok "the employee's own view in German"
	case "$(row_of "G DS-BASIS")" in
	*"Datenschutz-Grundlag"*"gültig"*"09.03.28"*) ok "a valid course in German, valid until 09.03.28";;
	*) nok "the valid row in German: $(row_of "DS-BASIS")";;
	esac
	case "$(row_of "B IT-SEC")" in
	*befreit*) ok "the exemption in German";;
	*) nok "the exemption in German: $(row_of "IT-SEC")";;
	esac
	if select_row "12.01.27 13:00"; then
		keys Enter
		status_for "Gebucht: ein Platz in IT-Sicherheit am 12.01.27 13:00." &&
			ok "Enter enrols, in German" || nok "Enter in German: $(tail -n 3 "$SCR")"
		wait_for "19 von 20" && ok "the free seats change to 19 von 20" ||
			nok "seats in German: $(sel_line)"
		eq "$(state_of "$S2" "$VALID")" booked "the database has the German enrolment"
	else
		nok "selecting the IT-SEC session in German: $(cat "$SCR")"
	fi
else
	nok "the German own view: $(cat "$SCR")"
fi
keys q
expect_exit_clean "German employee, q"

finish
