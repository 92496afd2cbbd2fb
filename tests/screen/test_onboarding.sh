#!/bin/sh
# Screen tests of the Onboarding screen (tab 4), headless in tmux at 80×24
# (see tmux.sh): as HR the list shows the new hire with progress and next
# due day, Enter opens the checklist, x ticks a step (and unticks it after
# y), n writes a step's note, m chooses a mentor from core's ranked
# suggestions and changes them after y; the overdue filter; each change is
# checked against the database through the command line.  Then who sees
# what: the new hire their own checklist first (and core's refusal of a step
# that is not theirs), the mentor and the lead the new hire's row, an
# employee of another team nothing.  Last the same in German at 80×24, with
# nothing cut that matters, and a narrow 60×15 terminal.
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

# The demo's own onboardings are cancelled (kept, no longer listed), so that
# the screen shows the ones made here, in an order the checks can rely on.
for login in $("$HOP" onboarding list --format csv | tail -n +2 | cut -d, -f1); do
	"$HOP" onboarding cancel "$login" >/dev/null 2>&1 || nok "cancelling the demo's onboarding of $login"
done

# ---- the onboardings to look at, made on the command line ----
# The team with the most members, its lead, and an employee of another team.
TEAM=$(sql "SELECT t.name FROM team t JOIN person p ON p.team_id = t.id
	WHERE t.dissolved_on IS NULL GROUP BY t.id ORDER BY count(*) DESC, t.id LIMIT 1")
LEAD=$(sql "SELECT p.login FROM team t JOIN person p ON p.id = t.lead_id WHERE t.name = '$TEAM'")
OTHER_TEAM=$(sql "SELECT t.name FROM team t WHERE t.dissolved_on IS NULL AND t.name <> '$TEAM'
	AND t.lead_id IS NOT NULL ORDER BY t.id LIMIT 1")
# The employee of another team has no onboarding and no mentee, whatever the demo holds.
OTHER=$(sql "SELECT p.login FROM person p JOIN team t ON t.id = p.team_id WHERE t.name = '$OTHER_TEAM'
	AND p.roles = 1 AND p.end_date IS NULL
	AND NOT EXISTS (SELECT 1 FROM onboarding o WHERE o.person_id = p.id)
	AND NOT EXISTS (SELECT 1 FROM mentorship m WHERE m.mentor_id = p.id) ORDER BY p.login LIMIT 1")
OTHER_LEAD=$(sql "SELECT p.login FROM team t JOIN person p ON p.id = t.lead_id
	WHERE t.name = '$OTHER_TEAM'")
T="Bildschirmtest"
expect_ok "a template for the test" template add "$T"
expect_ok "step: IT" template step "$T" "IT-Zugang und Gerät" --kind equipment --owner it --due -2
expect_ok "step: welcome" template step "$T" "Begrüßung durch die Führungskraft" --kind talk \
	--owner lead --due 0 --office
expect_ok "step: safety" template step "$T" "Sicherheitsunterweisung" --kind course --owner hr \
	--due 0 --office
expect_ok "step: mentor talk" template step "$T" "Gespräch mit dem Paten" --kind talk \
	--owner mentor --due +3 --office
expect_ok "step: data protection" template step "$T" "Datenschutz-Einweisung" --kind self-study \
	--owner newhire --due "2 weeks" --optional
expect_ok "step: desk, in the office" template step "$T" "Arbeitsplatz einrichten" --kind equipment \
	--owner newhire --due "3 weeks" --office --optional
expect_ok "a new hire who started a week ago" person add pneu --name "Paula Neumann" \
	--team "$TEAM" --start 2026-11-16
expect_ok "a new hire who starts next month, in another team" person add jkuehn \
	--name "Jörg Kühn" --team "$OTHER_TEAM" --start 2026-12-07
expect_ok "Paula Neumann's onboarding started" onboarding start pneu --template "$T"
expect_ok "Jörg Kühn's onboarding started" onboarding start jkuehn --template "$T"
# The desk step falls on Mon 7 Dec; the new hire plans to be at home then.
expect_ok "Paula Neumann plans home on 2026-12-07" presence set 2026-12-07 home --for pneu

# step_csv N FIELD: a field of step N of pneu's checklist (hop onboarding show --format csv:
# step,due,title,kind,owner,owner_name,office,mandatory,status,done,done_by,clash,note).
step_csv() {
	"$HOP" onboarding show pneu --format csv 2>/dev/null | tr -d '\r' |
		awk -F, -v n="$1" -v f="$2" 'NR > 1 && $1 == n { print $f }'
}
# The onboardings as core lists them, and Paula Neumann's row of them.
summary() { "$HOP" onboarding list --format csv 2>/dev/null | tr -d '\r' | grep "^pneu,"; }
MANDATORY=$(summary | cut -d, -f9)
NEXT=$(summary | cut -d, -f13)
NEXT_SHORT=$(echo "$NEXT" | sed 's/^....-\(..\)-\(..\)$/\2.\1./')
[ "$MANDATORY" = 5 ] && [ "$NEXT" = 2026-11-12 ] &&
	ok "core: 5 mandatory steps, the first due on 2026-11-12" ||
	nok "core's summary of pneu: $(summary)"
"$HOP" mentor suggest pneu --format csv | tr -d '\r' >"$SCRATCH/cands"
CAND1=$(awk -F, 'NR == 2 { print $3 }' "$SCRATCH/cands")
CAND1_LOGIN=$(awk -F, 'NR == 2 { print $2 }' "$SCRATCH/cands")
CAND2=$(awk -F, 'NR == 3 { print $3 }' "$SCRATCH/cands")
CAND2_LOGIN=$(awk -F, 'NR == 3 { print $2 }' "$SCRATCH/cands")
[ -n "$CAND1" ] && [ -n "$CAND2" ] && ok "core suggests mentors ($CAND1, $CAND2)" ||
	nok "core suggests two mentors for pneu"

# select_row NAME: move down until NAME's row is selected, one key at a time,
# each time waiting for the selection to move (a busy machine draws late).
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
}
# help_box FROM TO: the lines of the help box from FROM to TO, inside its frame.
help_box() { sed -n "/$1/,/$2/p" "$SCR" | sed 's/^[^│]*│//; s/│[^│]*$//'; }
# status_for TEXT: until the bottom lines, joined, hold TEXT (a message may
# wrap onto up to three lines; runs of spaces count as one).
status_for() {
	i=0
	while [ "$i" -lt 100 ]; do
		grab && tail -n 4 "$SCR" | tr '\n' ' ' | tr -s ' ' | grep -qF -- "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
row_of() { grep -F -- "$1" "$SCR" | grep -E '^[> ] ' | head -1; }
# wait_sel N: until step N is selected in the checklist.
wait_sel() {
	i=0
	while [ "$i" -lt 50 ]; do
		grab && sel_line | grep -qE "^> +$1 " && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# ---- HR (tester) at 80×24 ----
start 80 24 tester
if ! wait_for "KW 48"; then
	nok "hop comes up: $(head -c 600 "$SCR")"
	finish
	exit
fi
keys 4
if wait_for "Paula Neumann"; then
	ok "4 shows the Onboarding screen with the new hire"
	n=$("$HOP" onboarding list --format csv | tail -n +2 | wc -l)
	has "$SCR" "$n onboardings · " "the heading counts the $n open onboardings"
	row=$(row_of "Paula Neumann")
	case "$row" in
	*"! Paula Neumann"*) ok "an onboarding with overdue steps is marked '!'";;
	*) nok "the overdue mark: '$row'";;
	esac
	case "$row" in
	*" 16.11. "*"0/$MANDATORY "*"$NEXT_SHORT"*) ok "the row shows start, progress 0/$MANDATORY and next due $NEXT_SHORT";;
	*) nok "the row: '$row'";;
	esac
	has "$SCR" "New hire" "the list has column titles"
	has "$SCR" "? help  Enter open  Esc back  x tick  n note  m mentor  1-6 Tab: screens  q quit" \
		"the footer shows the screen's keys at 80 columns"
	has "$SCR" "Paula Neumann (pneu) · " "the line under the list says more of the selected one"
	keys '?'
	if wait_for "Keys of the Onboarding screen"; then
		help_box "Keys of the Onboarding screen" "close this help" | grep -q '…' &&
			nok "a line of the help is cut: $(help_box "Keys of the" "close" | grep '…')" ||
			ok "every line of the screen's help is whole at 80 columns"
		keys x
		wait_gone "Global keys"
	else
		nok "? shows the screen's keys: $(cat "$SCR")"
	fi
else
	nok "4 shows the new hire: $(cat "$SCR")"
fi

# Select Paula Neumann (the list is by start date; she starts first of the test's).
i=0
while ! sel_line | grep -q "Paula Neumann" && [ "$i" -lt 30 ]; do
	keys j
	sleep 0.1
	grab
	i=$((i + 1))
done
keys Enter
if wait_for "Paula Neumann (pneu) · "; then
	wait_for "Sicherheitsunterweisung"
	ok "Enter opens the checklist"
	has "$SCR" "0 of $MANDATORY mandatory steps done" "the checklist's heading shows the progress"
	has "$SCR" "IT-Zugang und Gerät" "the first step is listed"
	has "$SCR" "Datenschutz-Einweisung" "the own step of the new hire is listed"
	grep -E '^[> ] +3 ! [0-9.]+ +● Sicherheitsunterweisung' "$SCR" >/dev/null &&
		ok "step 3 is overdue (!) and must happen in the office (●)" ||
		nok "step 3's row: $(grep Sicherheits "$SCR")"
	has "$SCR" "Mentor: none yet (m chooses one)" "no mentor yet"
else
	nok "Enter opens Paula Neumann's checklist: $(cat "$SCR")"
fi

# ---- tick, untick ----
keys j j
wait_sel 3 || nok "j j selects step 3: $(sel_line)"
keys x
if status_for "Step 3 'Sicherheitsunterweisung' ticked as done."; then
	ok "x ticks step 3"
	wait_for "1 of $MANDATORY mandatory steps done" &&
		ok "the progress goes to 1 of $MANDATORY" || nok "the progress after x: $(sed -n 4p "$SCR")"
	eq "$(step_csv 3 9),$(step_csv 3 10),$(step_csv 3 11)" "done,2026-11-23,tester" \
		"the database has step 3 done today by tester"
	grep -E '^> +3 ✓ ' "$SCR" >/dev/null && ok "the step shows ✓" || nok "step 3: $(sel_line)"
	has "$SCR" "Done on Mon 2026-11-23 by tester." "the line below says who ticked it and when"
else
	nok "x ticks step 3: $(tail -n 3 "$SCR")"
fi
keys x
if status_for "Untick step 3 'Sicherheitsunterweisung', ticked by tester on 2026-11-23?"; then
	ok "x on a done step asks before unticking"
	keys n
	status_for "Nothing changed: step 3 stays ticked." && ok "n keeps the tick" ||
		nok "n: $(tail -n 2 "$SCR")"
	eq "$(step_csv 3 9)" done "the database still has step 3 done"
	keys x
	status_for "Untick step 3" || nok "x asks again"
	keys y
	status_for "Step 3 'Sicherheitsunterweisung' is open again." && ok "y unticks" ||
		nok "y: $(tail -n 2 "$SCR")"
	eq "$(step_csv 3 9)" overdue "the database has step 3 open (overdue) again"
	keys x
	status_for "ticked as done." || nok "x ticks step 3 again"
else
	nok "x on a done step asks: $(tail -n 3 "$SCR")"
fi

# ---- a note ----
keys n
if wait_for "Note on step 3:"; then
	ok "n opens the note prompt"
	text "Termin mit Frau Weiß am Empfang"
	keys Enter
	status_for "Note on step 3 saved." && ok "Enter saves the note" || nok "the note: $(tail -n 2 "$SCR")"
	eq "$(step_csv 3 13)" "Termin mit Frau Weiß am Empfang" "the database has the note, umlaut intact"
	has "$SCR" "Note: Termin mit Frau Weiß am Empfang" "the line below shows the note"
	keys n
	wait_for "Note on step 3: Termin mit Frau Weiß am Empfang" &&
		ok "the prompt starts with the note the step has" || nok "prompt: $(tail -n 1 "$SCR")"
	keys Escape
	status_for "The note is as it was." && ok "Esc leaves the note as it was" ||
		nok "Esc: $(tail -n 2 "$SCR")"
else
	nok "n opens the note prompt: $(tail -n 3 "$SCR")"
fi

# ---- the details box ----
keys Enter
if wait_for "Press any key to close."; then
	ok "Enter on a step opens its details"
	has "$SCR" "Paula Neumann · step 3" "the box names the new hire and the step"
	has "$SCR" "Done on Mon 2026-11-23 by tester." "the box says who ticked it"
	keys x
	wait_gone "Press any key to close." && ok "any key closes the box" || nok "the box stays"
	eq "$(step_csv 3 9)" done "the key that closed the box ticked nothing"
else
	nok "Enter opens the step's details: $(cat "$SCR")"
fi

# ---- the mentor ----
keys m
if wait_for "Mentor for Paula Neumann:"; then
	ok "m opens the mentor chooser"
	has "$SCR" "$CAND1 · same team · " "the best candidate is listed with the reasons"
	text "$CAND1"
	keys Enter
	if status_for "$CAND1 is now the mentor of Paula Neumann, from "; then
		ok "Enter assigns the chosen candidate"
		has "$SCR" "Mentor: $CAND1" "the heading names the mentor"
	else
		nok "assigning $CAND1: $(tail -n 3 "$SCR")"
	fi
	"$HOP" mentor list --format csv | tr -d '\r' >"$OUT"
	has "$OUT" "$CAND1_LOGIN,$CAND1," "the database has $CAND1 as the mentor"
else
	nok "m opens the mentor chooser: $(cat "$SCR")"
fi
keys m
wait_for "Mentor for Paula Neumann:" || nok "m opens the chooser again"
text "$CAND2"
keys Enter
if status_for "Make $CAND2 the mentor of Paula Neumann from today on, instead of $CAND1?"; then
	ok "choosing another mentor asks first"
	keys n
	status_for "The mentor is as it was." && ok "n keeps the mentor" || nok "n: $(tail -n 2 "$SCR")"
	eq "$("$HOP" mentor list --format csv | grep -c ",pneu,")" 1 "one mentorship still"
	keys m
	wait_for "Mentor for Paula Neumann:"
	text "$CAND2"
	keys Enter
	status_for "instead of $CAND1?"
	keys y
	status_for "$CAND2 is now the mentor of Paula Neumann instead of $CAND1" &&
		ok "y changes the mentor" || nok "y: $(tail -n 3 "$SCR")"
	"$HOP" mentor list --format csv | tr -d '\r' >"$OUT"
	has "$OUT" "$CAND2_LOGIN,$CAND2," "the database has $CAND2 as the mentor"
	hasnt "$OUT" "$CAND1_LOGIN,$CAND1," "and $CAND1's mentorship has ended"
	eq "$(sql "SELECT count(*) FROM audit WHERE action = 'mentor.end' AND object = 'person:pneu'")" 1 \
		"the audit log has the end of the first mentorship"
else
	nok "choosing another mentor asks: $(tail -n 3 "$SCR")"
fi

# ---- the list again: Esc, the overdue filter ----
keys Escape
if wait_for "Next due"; then
	ok "Esc goes back to the list"
	has "$SCR" "$CAND2" "the list shows the new mentor"
	has "$SCR" "Jörg Kühn" "the list shows the new hire who has not started"
	keys o
	status_for "Only onboardings with overdue steps" || nok "o says what it shows"
	wait_gone "Jörg Kühn" && ok "o hides onboardings without overdue steps" ||
		nok "o: $(cat "$SCR")"
	has "$SCR" "Overdue only   (Esc clears)" "the heading names the filter"
	has "$SCR" "Paula Neumann" "an onboarding with overdue steps stays"
	keys Escape
	wait_for "Jörg Kühn" && ok "Esc clears the filter" || nok "Esc: $(cat "$SCR")"
	keys T
	if wait_for "All teams"; then
		text "$OTHER_TEAM"
		keys Enter
		wait_gone "Paula Neumann" && ok "T shows one team's onboardings" || nok "T: $(cat "$SCR")"
		has "$SCR" "Jörg Kühn" "the chosen team's new hire stays"
		keys Escape
		wait_for "Paula Neumann" || nok "Esc clears the team filter"
	else
		nok "T opens the team chooser: $(cat "$SCR")"
	fi
else
	nok "Esc goes back to the list: $(cat "$SCR")"
fi
keys q
expect_exit_clean "HR, q"

# ---- the new hire: their own checklist first ----
before=$(sql "SELECT * FROM onboarding_step ORDER BY id")
REFUSAL=$(HOP_USER=pneu "$HOP" onboarding tick pneu 1 2>&1 >/dev/null | sed -n 's/^hop: //p' | head -1)
start 80 24 pneu
wait_for "KW 48" || nok "hop comes up for pneu"
keys 4
if wait_for "Paula Neumann (pneu) · "; then
	ok "the new hire sees their own checklist first"
	has "$SCR" "Datenschutz-Einweisung" "with their steps"
	hasnt "$SCR" "Next due" "not the list"
	keys x
	if [ -n "$REFUSAL" ] && status_for "$REFUSAL"; then
		tail -n 3 "$SCR" | tr '\n' ' ' | tr -s ' ' >"$SCRATCH/status"
		has "$SCRATCH/status" "$REFUSAL" "x on IT's step shows core's refusal, whole"
	else
		nok "x on step 1 as pneu shows '$REFUSAL': $(tail -n 3 "$SCR")"
	fi
	eq "$(sql "SELECT * FROM onboarding_step ORDER BY id")" "$before" "the refused tick changed nothing"
	keys End
	wait_sel 7 || nok "End selects the last step"
	keys k
	wait_sel 6 || nok "k selects step 6"
	row=$(sel_line)
	case "$row" in
	*"● Arbeitsplatz einrichten"*"! home"*) ok "an office step on a day planned at home shows the clash";;
	*) nok "the clash of step 6: '$row'";;
	esac
	has "$SCR" "Must happen in the office, but Paula Neumann plans home that day." \
		"the line below explains the clash"
	keys k
	wait_sel 5 || nok "k selects step 5"
	keys x
	status_for "Step 5 'Datenschutz-Einweisung' ticked as done." &&
		ok "the new hire ticks their own step" || nok "pneu ticks step 5: $(tail -n 3 "$SCR")"
	eq "$(step_csv 5 9),$(step_csv 5 11)" "done,pneu" "the database has step 5 done by pneu"
	keys m
	status_for "only HR, an admin or the lead" && ok "m as the new hire: core's refusal" ||
		nok "m as pneu: $(tail -n 3 "$SCR")"
	keys Escape
	wait_for "Next due" && ok "Esc shows the list of the new hire" || nok "Esc: $(cat "$SCR")"
	has "$SCR" "1 onboarding" "it holds their own onboarding only"
else
	nok "the new hire's checklist: $(cat "$SCR")"
fi
keys q
expect_exit_clean "new hire, q"

# ---- who sees what: mentor, lead, another lead, another team's employee ----
for who in "$CAND2_LOGIN:mentor:1" "$LEAD:lead:1" "$OTHER_LEAD:other lead:0" "$OTHER:other employee:0"; do
	login=${who%%:*} rest=${who#*:}
	what=${rest%%:*} sees=${rest#*:}
	[ -n "$login" ] || { nok "no $what in the demo"; continue; }
	start 80 24 "$login"
	wait_for "KW 48" || nok "hop comes up for $login"
	keys 4
	wait_for "Next due" || nok "the $what's list: $(cat "$SCR")"
	if [ "$sees" = 1 ]; then
		wait_for "Paula Neumann" && ok "the $what ($login) sees Paula Neumann's onboarding" ||
			nok "the $what ($login) sees Paula Neumann: $(cat "$SCR")"
	else
		grep -q "Paula Neumann" "$SCR" && nok "the $what ($login) sees Paula Neumann" ||
			ok "the $what ($login) does not see Paula Neumann's onboarding"
	fi
	keys q
	wait_exit || nok "$login: q"
done
if [ -n "$OTHER" ]; then
	start 80 24 "$OTHER"
	wait_for "KW 48"
	keys 4
	wait_for "No onboarding that you follow is planned or running." &&
		ok "an employee without onboardings is told so" || nok "empty list: $(cat "$SCR")"
	keys q
	wait_exit
fi

# ---- narrow: 60×15 ----
start 60 15 tester
wait_for "KW 48"
keys 4
if wait_for "Paula Neumann"; then
	row=$(row_of "Paula Neumann")
	case "$row" in
	*"/$MANDATORY "*"$NEXT_SHORT"*) ok "at 60 columns a row still shows progress and next due";;
	*"/$MANDATORY "*) ok "at 60 columns a row still shows the progress";;
	*) nok "the row at 60 columns: '$row'";;
	esac
	hasnt "$SCR" "$TEAM" "at 60 columns the team column is left out"
	keys Enter
	wait_for "Sicherheitsunterweisung" && ok "the checklist at 60×15" || nok "60×15: $(cat "$SCR")"
else
	nok "the list at 60×15: $(cat "$SCR")"
fi
keys q
expect_exit_clean "60×15, q"

# ---- German at 80×24 ----
if ! locale -a 2>/dev/null | grep -qiE '^de_DE\.utf-?8$'; then
	skip "the locale $DE is not installed; the German screen is not tested"
	finish
	exit
fi
start 80 24 tester LC_ALL=$DE LANG=$DE
wait_for "KW 48" || nok "the German screen comes up"
keys 4
if wait_for "Einarbeitungen · "; then
	ok "the heading in German"
	has "$SCR" "mit überfälligen Schritten" "overdue in German"
	has "$SCR" "Eintritt" "the start column in German"
	has "$SCR" "? Hilfe  Enter öffnen  Esc zurück  x abhaken  n Notiz  m Pate/Patin  q beenden" \
		"the German footer fits 80 columns whole"
	# The name column is narrower in German: "Paula Neuma…".
	select_row "Paula Neuma"
	keys Enter
	if wait_for "Pflichtschritten erledigt"; then
		ok "the checklist's progress in German"
		has "$SCR" "Pate/Patin: $CAND2" "the mentor in German"
		sed -n 4p "$SCR" | grep -q "…" && nok "the progress line is cut: $(sed -n 4p "$SCR")" ||
			ok "the progress line is whole"
		for step in "IT-Zugang und Gerät" "Begrüßung durch die Führungskraft" \
			"Sicherheitsunterweisung" "Gespräch mit dem Paten" "Datenschutz-Einweisung"; do
			has "$SCR" "$step" "the step '$step' is whole at 80 columns"
		done
		keys j
		sleep 0.2
		keys x
		status_for "als erledigt abgehakt." && ok "x ticks, in German" ||
			nok "x in German: $(tail -n 2 "$SCR")"
		keys m
		if wait_for "Pate/Patin für Paula Neumann:"; then
			ok "the mentor chooser in German"
			has "$SCR" " · im Team · betreut " "the reasons in German"
			for c in "$CAND1" "$CAND2"; do
				grep -F "│ $c" "$SCR" | grep -q 'gemeinsam *│' &&
					ok "the line of $c is whole, reasons and all" ||
					nok "the line of $c: $(grep -F "$c" "$SCR")"
			done
			keys Escape
			status_for "Pate/Patin bleibt unverändert." && ok "Esc keeps the mentor, in German" ||
				nok "Esc in German: $(tail -n 2 "$SCR")"
		else
			nok "m in German: $(cat "$SCR")"
		fi
		keys '?'
		if wait_for "Tasten der Ansicht Einarbeitung"; then
			has "$SCR" "Notiz zum Schritt schreiben" "the help explains n in German"
			help_box "Tasten der Ansicht Einarbeitung" "schließt diese Hilfe" | grep -q '…' &&
				nok "a line of the German help is cut: $(help_box "Tasten" "schließt" | grep '…')" ||
				ok "every line of the screen's German help is whole at 80 columns"
			keys x
			wait_gone "Tasten der Ansicht"
		else
			nok "the German help: $(cat "$SCR")"
		fi
	else
		nok "the German checklist: $(cat "$SCR")"
	fi
else
	nok "the German Onboarding screen: $(cat "$SCR")"
fi
keys q
expect_exit_clean "German, q"

finish
