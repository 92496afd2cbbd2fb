#!/bin/sh
# Screen tests of the Rotation screen (tab 6), headless in tmux at 80×24 (see
# tmux.sh).  On the command line: a person moved into a corruption-prone work
# area in April 2022 (due April 2026, overdue on 23 Nov 2026), another on a
# station in that team from September 2026 to February 2027, and a cohort of
# three trainees over three stations.  Then HR sees the team's timeline (the
# station's S months, the due month's !, the overdue in words), Enter shows
# the periods, d the due list, e files an exception through the form after y
# (the ! becomes E; an empty reason is refused in core's words), c chooses
# the cohort, g generates its plan and y keeps it (the check says it is
# valid), p publishes it after y; the lead cannot file an exception (the
# refusal is shown); an employee sees only their own row.  Last the same in
# German at 80×24.
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
# AREA_TEAM: HR's own team (the one the screen shows HR first), with a lead;
# HOME: another team with a lead.  MOVER joined AREA_TEAM on 01.04.2022;
# STA, of HOME, is on a station in AREA_TEAM.
AREA_TEAM=$(sql "SELECT t.name FROM team t JOIN person p ON p.team_id = t.id WHERE p.login = 'tester'")
LEAD=$(sql "SELECT p.login FROM team t JOIN person p ON p.id = t.lead_id WHERE t.name = '$AREA_TEAM'")
HOME=$(sql "SELECT t.name FROM team t JOIN person p ON p.team_id = t.id
	WHERE t.dissolved_on IS NULL AND t.lead_id IS NOT NULL AND t.name <> '$AREA_TEAM'
	GROUP BY t.id ORDER BY count(*) DESC, t.id LIMIT 1")
MOVER=zwerner
STA=$(sql "SELECT p.login FROM person p JOIN team t ON t.id = p.team_id WHERE t.name = '$HOME'
	AND p.roles = 1 AND p.end_date IS NULL ORDER BY p.login LIMIT 1")
MOVER_NAME="Zoe Werner"
STA_NAME=$(sql "SELECT name FROM person WHERE login = '$STA'")
THIRD=$(sql "SELECT name FROM team WHERE dissolved_on IS NULL AND name NOT IN ('$AREA_TEAM', '$HOME')
	ORDER BY id LIMIT 1")
TRAINEES=$(sql "SELECT login FROM person WHERE end_date IS NULL AND roles = 1
	AND login NOT IN ('$MOVER', '$STA') AND id NOT IN (SELECT person_id FROM cohort_trainee)
	AND id NOT IN (SELECT person_id FROM membership WHERE kind = 'station')
	ORDER BY login DESC LIMIT 3" | tr '\n' ',' | sed 's/,$//')
[ -n "$LEAD" ] && [ -n "$STA" ] && [ -n "$THIRD" ] &&
	ok "the demo has the teams and people ($AREA_TEAM, $HOME, $MOVER, $STA)" ||
	nok "the demo's teams and people: '$AREA_TEAM' '$LEAD' '$HOME' '$MOVER' '$STA' '$THIRD'"
expect_ok "$MOVER in $AREA_TEAM since 01.04.2022" person add "$MOVER" --name "$MOVER_NAME" \
	--team "$AREA_TEAM" --start 2022-04-01
expect_ok "$STA on a station" assign "$STA" "$AREA_TEAM" --from 2026-09-01 --until 2027-02-28 \
	--kind station
# The demo's area Vergabe, narrowed to AREA_TEAM, with four years of its own.
expect_ok "a corruption-prone area of 4 years" area edit Vergabe --teams "$AREA_TEAM" \
	--corruption-prone yes --years 4
"$HOP" rotation due --format csv --all | tr -d '\r' >"$SCRATCH/due"
grep -q "^$MOVER,.*2022-04-01,2026-04-01" "$SCRATCH/due" && ok "core: $MOVER is due on 2026-04-01" ||
	nok "core's due list: $(grep "$MOVER" "$SCRATCH/due")"
expect_ok "a cohort of three" cohort add K2026 --start 2026-10-01 --months 12 --trainees "$TRAINEES"
for tm in "$AREA_TEAM" "$HOME" "$THIRD"; do
	expect_ok "a station in $tm" cohort station K2026 "$tm" --months 4 --max 1
done

row_of() { grep -F -- "$1" "$SCR" | head -1; }
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
	while ! sel_line | grep -qF -- "$1" && [ "$i" -lt 40 ]; do
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
# The months of a row, after the names' column (18 wide from column 2).
cells() { row_of "$1" | sed 's/^.\{21\}//'; }
help_box() { sed -n "/$1/,/$2/p" "$SCR" | sed 's/^[^│]*│//; s/│[^│]*$//'; }

# ---- HR at 80×24: the timeline ----
start 80 24 tester
if ! wait_for "KW 48"; then
	nok "hop comes up: $(head -c 600 "$SCR")"
	finish
	exit
fi
keys 6
if wait_for "$AREA_TEAM · "; then
	ok "6 shows the timeline of HR's team"
	has "$SCR" "2024        2025        2026        2027        2028" "the years above the months"
	has "$SCR" "JFMAMJJASO▼DJFMAMJJASONDJ" "the months' initials, today's marked ▼"
	has "$SCR" "= post  S station  A secondment  V acting  ! due  E exception  ▼ today" \
		"the legend"
	has "$SCR" "? help  t d c view  a assign  e exception  g plan  p publish  T team  q quit" \
		"the footer shows the screen's keys at 80 columns"
	case "$(cells "$STA_NAME")" in
	*"SSSSSS="*) ok "$STA_NAME: six months of station S, then the post";;
	*) nok "$STA_NAME's row: '$(row_of "$STA_NAME")'";;
	esac
else
	nok "6 shows the team's timeline: $(cat "$SCR")"
fi
if select_row "$MOVER_NAME"; then
	case "$(cells "$MOVER_NAME")" in
	*"=!="*) ok "$MOVER_NAME: ! in the due month";;
	*) nok "$MOVER_NAME's row: '$(row_of "$MOVER_NAME")'";;
	esac
	has "$SCR" "$MOVER_NAME ($MOVER) · due 2026-04-01 · overdue" "the line below says overdue"
	keys Enter
	if wait_for "Press any key to close."; then
		has "$SCR" "$AREA_TEAM" "Enter shows the periods"
		has "$SCR" "2022-04-01 – open" "with the new post from 2022-04-01, open"
		has "$SCR" "! rotation due 2026-04-01: overdue" "and the due date"
		keys x
		wait_gone "Press any key to close." || nok "any key closes the box"
	else
		nok "Enter: $(cat "$SCR")"
	fi
else
	nok "selecting $MOVER_NAME: $(cat "$SCR")"
fi
keys L
wait_for "2025        2026        2027        2028        2029" && ok "L: a year later" ||
	nok "L: $(sed -n 4p "$SCR")"
keys H
wait_for "2024        2025        2026" && ok "H: back a year" || nok "H: $(sed -n 4p "$SCR")"

# ---- the due list ----
keys d
if wait_for "Rotations due within 12 months"; then
	ok "d shows the due list"
	case "$(row_of "$MOVER_NAME")" in
	*Vergabe*"01.04.22"*"01.04."*overdue*) ok "$MOVER_NAME: area, since, due, overdue";;
	*) nok "the due row: '$(row_of "$MOVER_NAME")'";;
	esac
else
	nok "d: $(cat "$SCR")"
fi

# ---- an exception through the form ----
select_row "$MOVER_NAME" || nok "selecting $MOVER_NAME in the due list"
keys e
if wait_for "Exception for $MOVER_NAME ($MOVER)"; then
	ok "e opens the exception form"
	keys Enter
	if status_for "File the exception for $MOVER_NAME, review on 2027-11-23?"; then
		keys y
		status_for "missing: the reason, the compensating measure" &&
			ok "an empty reason is refused in core's words" ||
			nok "the refusal: $(tail -n 4 "$SCR")"
		eq "$(sql "SELECT count(*) FROM rotation_exception e JOIN person p ON p.id = e.person_id WHERE p.login = '$MOVER'")" 0 "nothing is filed"
	else
		nok "Enter asks: $(tail -n 3 "$SCR")"
	fi
	wait_for "Exception for $MOVER_NAME" && ok "the form is back to be fixed" ||
		nok "the form after the refusal: $(cat "$SCR")"
	text "Vergabeverfahren bis 2027 in Abwicklung"
	keys Tab
	text "Vier-Augen-Prinzip"
	keys Enter
	status_for "File the exception for $MOVER_NAME" || nok "asked again: $(tail -n 3 "$SCR")"
	keys y
	if status_for "Exception filed for $MOVER_NAME; review on 2027-11-23."; then
		ok "y files the exception"
		eq "$(sql "SELECT e.reason || '|' || e.measure || '|' || e.review_on FROM rotation_exception e JOIN person p ON p.id = e.person_id WHERE p.login = '$MOVER'")" \
			"Vergabeverfahren bis 2027 in Abwicklung|Vier-Augen-Prinzip|2027-11-23" \
			"the database has reason, measure and review"
		case "$(row_of "$MOVER_NAME")" in
		*exception*) ok "the due list says exception";;
		*) nok "the due row after: '$(row_of "$MOVER_NAME")'";;
		esac
	else
		nok "y: $(tail -n 4 "$SCR")"
	fi
else
	nok "e: $(cat "$SCR")"
fi
keys t
wait_for "$AREA_TEAM · " || nok "t goes back to the timeline"
select_row "$MOVER_NAME" || nok "selecting $MOVER_NAME in the timeline"
case "$(cells "$MOVER_NAME")" in
*"=E="*) ok "the timeline shows E in the due month now";;
*) nok "$MOVER_NAME's row after the exception: '$(row_of "$MOVER_NAME")'";;
esac

# ---- the cohort: generate, keep, publish ----
keys c
if wait_for "Cohort:"; then
	keys Enter
	if wait_for "K2026 · from 01.10. · 12 months · 3 trainees · no plan yet"; then
		ok "c chooses the cohort; it has no plan yet"
		has "$SCR" "No plan yet: g generates one." "the check line says how to get one"
	else
		nok "the cohort: $(cat "$SCR")"
	fi
else
	nok "c opens the chooser: $(cat "$SCR")"
fi
keys g
if status_for "keep it as the draft of K2026?"; then
	has "$SCR" "optimal (exact method" "the exact method's optimal plan"
	keys y
	status_for "Kept as the draft of K2026; p publishes it." && ok "y keeps it as the draft" ||
		nok "y: $(tail -n 3 "$SCR")"
	wait_for "Check: the plan is valid." && ok "the check says the plan is valid" ||
		nok "the check: $(cat "$SCR")"
	has "$SCR" "· draft" "the heading says draft"
	eq "$(sql "SELECT count(*) FROM cohort_plan p JOIN cohort c ON c.id = p.cohort_id WHERE c.name = 'K2026'")" 9 "the database holds nine places"
	letters=$(grep -cE '([A-Z])\1\1\1' "$SCR")
	[ "$letters" -ge 3 ] && ok "the trainees' rows show stations of four months" ||
		nok "station letters: $(sed -n 6,9p "$SCR")"
else
	nok "g: $(tail -n 4 "$SCR")"
fi
keys p
if status_for "Publish the plan of K2026 as station assignments?"; then
	keys n
	status_for "Nothing changed: the plan is not published." && ok "n publishes nothing" ||
		nok "n: $(tail -n 3 "$SCR")"
	keys p
	status_for "Publish the plan of K2026" || nok "p asks again"
	keys y
	status_for "Published K2026: 9 added" && ok "y publishes: nine places added" ||
		nok "y: $(tail -n 3 "$SCR")"
	eq "$(sql "SELECT count(*) FROM membership m JOIN cohort c ON c.id = m.cohort_id WHERE m.kind = 'station' AND c.name = 'K2026'")" 9 \
		"nine stations in the database"
else
	nok "p: $(tail -n 3 "$SCR")"
fi
keys '?'
if wait_for "Keys of the Rotation screen"; then
	ok "? shows the keys of the Rotation screen"
	help_box "Keys of the Rotation screen" "close this help" | grep -q '…' &&
		nok "a line of the help is cut: $(help_box "Keys of the" "close" | grep '…')" ||
		ok "every line of the screen's help is whole at 80 columns"
	keys x
	wait_gone "Keys of the Rotation screen" || nok "any key closes the help"
else
	nok "?: $(cat "$SCR")"
fi
keys q
expect_exit_clean "HR, q"

# ---- the lead: a refusal ----
start 80 24 "$LEAD"
wait_for "KW 48"
keys 6
wait_for "$AREA_TEAM · " && ok "the lead sees their team's timeline" || nok "lead: $(cat "$SCR")"
keys e
status_for "only HR or an admin can change work areas and rotation exceptions" &&
	ok "e: the lead's refusal is shown" || nok "the lead's e: $(tail -n 3 "$SCR")"
keys q
expect_exit_clean "lead, q"

# ---- an employee: only their own row ----
start 80 24 "$STA"
wait_for "KW 48"
keys 6
if wait_for "Your assignments, month by month"; then
	ok "the employee sees their own timeline"
	eq "$(grep -c '^[> ] [^ ].\{17\} [ =SAV!E|]' "$SCR")" 1 "one row only"
	keys T
	status_for "You see your own timeline; a team's is for its lead and HR." &&
		ok "T says why there is no team" || nok "T: $(tail -n 3 "$SCR")"
else
	nok "employee: $(cat "$SCR")"
fi
keys q
expect_exit_clean "employee, q"

# ---- German at 80×24 ----
if ! locale -a 2>/dev/null | grep -qiE '^de_DE\.utf-?8$'; then
	skip "the locale $DE is not installed; the German screen is not tested"
	finish
	exit
fi
start 80 24 tester LC_ALL=$DE LANG=$DE
wait_for "KW 48" || nok "the German screen comes up"
keys 6
if wait_for "$AREA_TEAM · "; then
	has "$SCR" "mit Fälligkeit" "the heading in German"
	has "$SCR" "= Stelle  S Station  A Abordnung  V Vertretung  ! fällig  E Ausnahme  ▼ heute" \
		"the legend in German"
	has "$SCR" "JFMAMJJASO▼DJFMAMJJASONDJ" "the months' initials"
	select_row "$MOVER_NAME" || nok "selecting $MOVER_NAME in German"
	case "$(cells "$MOVER_NAME")" in
	*"=E="*) ok "E in the due month, in German too";;
	*) nok "German row: '$(row_of "$MOVER_NAME")'";;
	esac
	keys d
	wait_for "Fällige Rotationen" && ok "d: the due list in German" || nok "German d: $(cat "$SCR")"
	has "$SCR" "Ausnahme" "the exception in German"
	keys c
	wait_for "Jahrgang:" && keys Enter
	wait_for "Prüfung: Der Plan ist gültig." && ok "the cohort's check in German" ||
		nok "German cohort: $(cat "$SCR")"
	keys '?'
	if wait_for "Tasten der Ansicht Rotation"; then
		help_box "Tasten der Ansicht Rotation" "schließt diese Hilfe" | grep -q '…' &&
			nok "a line of the German help is cut: $(help_box "Tasten" "schließt" | grep '…')" ||
			ok "every line of the screen's German help is whole at 80 columns"
		keys x
	else
		nok "German help: $(cat "$SCR")"
	fi
else
	nok "the German timeline: $(cat "$SCR")"
fi
keys q
expect_exit_clean "German HR, q"

finish
