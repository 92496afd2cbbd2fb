#!/bin/sh
# Screen tests of the full-screen interface, run headless in tmux: hop is
# started in a detached tmux session of a given size, keys are sent with
# send-keys, and what a person would see is read with capture-pane.
# Every wait polls the screen for a condition (at most 10 s), never sleeps
# for a fixed time.
. "$(dirname "$0")/../cli/lib.sh"
. "$(dirname "$0")/tmux.sh"

if tmux_missing; then
	skip "tmux is not installed; the screen tests need it (apt-get install tmux)"
	finish
	exit
fi

ORG="Bundesamt für Beispiele"
printf '[organisation]\nname = %s\n' "$ORG" >"$CONF"

# fold TEXT: lower case without diacritics, the way a person types a search.
fold() {
	printf '%s\n' "$1" | sed 's/[äÄ]/a/g; s/[öÖ]/o/g; s/[üÜ]/u/g; s/ß/ss/g' | tr 'A-Z' 'a-z'
}

# The names in the list part of the screen (left of the detail pane's rule):
# person rows are indented by two spaces; the login at the end is cut off.
list_names() {
	sed -n '4,$p' "$SCR" | sed '$d' | sed 's/│.*//' | grep '^  [^ ]' |
		sed 's/^  //; s/  *[^ ]*[ ]*$//'
}

new_demo() {
	empty_db
	run init --demo
	[ "$RC" -eq 0 ]
}

if ! new_demo; then
	nok "hop init --demo failed: $(head -c 400 "$ERR")"
	finish
	exit
fi

# What the demo holds, read through the command line (core's view).
TOTAL=$(sql "SELECT count(*) FROM person WHERE end_date IS NULL OR end_date >= '$HOP_TODAY'")
FIRST_TEAM=$(sql "SELECT name FROM team WHERE dissolved_on IS NULL ORDER BY name LIMIT 1")
# A surname with an umlaut, and the search a person would type for it.
SURNAME=$(sql "SELECT name FROM person WHERE end_date IS NULL ORDER BY login" |
	sed 's/.* //' | grep '[äöü]' | grep -v 'ß' | head -1)
TERM_SEARCH=$(fold "$SURNAME")
EMPLOYEE=$(sql "SELECT login FROM person WHERE roles = 1 AND end_date IS NULL AND team_id IS NOT NULL ORDER BY login LIMIT 1")
OTHER=$(sql "SELECT login FROM person WHERE end_date IS NULL AND login <> '$EMPLOYEE' AND team_id <> (SELECT team_id FROM person WHERE login = '$EMPLOYEE') ORDER BY login LIMIT 1")
OTHER_NAME=$(sql "SELECT name FROM person WHERE login = '$OTHER'")
[ -n "$SURNAME" ] && [ -n "$EMPLOYEE" ] && [ -n "$OTHER" ] ||
	nok "the demo has a surname with an umlaut, an employee and a colleague in another team"

for size in 100x30 200x60; do
	W=${size%x*} H=${size#*x}
	new_demo || nok "$size: hop init --demo"
	start "$W" "$H" tester
	if ! wait_for "KW 48"; then
		nok "$size: the header with the ISO week appears (screen: $(head -c 600 "$SCR"))"
		continue
	fi
	ok "$size: the header shows the ISO week"
	has "$SCR" "$ORG" "$size: the organisation's name, umlaut intact"
	has "$SCR" "Mon 2026-11-23" "$size: today's date with its weekday"
	has "$SCR" "tester · Admin" "$size: the acting user and their role"
	for tab in Week Desks People Onboarding Training Rotation; do
		has "$SCR" "$tab" "$size: tab $tab"
	done
	# hop opens on the Week screen, its home; 3 shows People.
	has "$SCR" "KW 48 · 23.–27.11.2026" "$size: hop opens on the Week screen"
	keys 3
	wait_for "$TOTAL people" || nok "$size: 3 shows People: $(head -c 600 "$SCR")"
	has "$SCR" "$FIRST_TEAM (" "$size: the first team's heading"
	has "$SCR" "$TOTAL people" "$size: the count of current people"
	found=""
	for n in $(sql "SELECT replace(name, ' ', '_') FROM person" | grep '[äöüßÄÖÜŞşÇçğĞıİ]'); do
		n=$(printf '%s' "$n" | tr '_' ' ')
		grep -qF "$n" "$SCR" && { found=$n; break; }
	done
	if [ -n "$found" ]; then ok "$size: a name with umlauts is drawn intact ($found)"
	else nok "$size: no name with umlauts on the screen: $(head -c 800 "$SCR")"; fi

	# Search as you type, folded by core: "schluter" finds "Schlüter".
	keys /
	text "$TERM_SEARCH"
	if wait_for "match “$TERM_SEARCH”"; then
		list_names >"$SCRATCH/shown"
		HOP_USER=tester "$HOP" person list --search "$TERM_SEARCH" --format csv 2>"$ERR" |
			sed '1d' >"$SCRATCH/cli.csv"
		want=$(wc -l <"$SCRATCH/cli.csv")
		got=$(wc -l <"$SCRATCH/shown")
		eq "$got" "$want" "$size: the search shows as many people as 'hop person list --search'"
		has "$SCRATCH/shown" "$SURNAME" "$size: the search finds the name with the umlaut"
		bad=0
		while IFS= read -r name; do
			grep -qF -- "$name" "$SCRATCH/cli.csv" || bad=$((bad + 1))
		done <"$SCRATCH/shown"
		eq "$bad" 0 "$size: only people core's search matches remain"
		has "$SCR" "Search: $TERM_SEARCH" "$size: the search prompt shows what was typed"
	else
		nok "$size: the search for '$TERM_SEARCH' shows its count: $(tail -c 600 "$SCR")"
	fi
	keys Enter
	if wait_gone "Search: "; then
		has "$SCR" "match “$TERM_SEARCH”" "$size: Enter closes the prompt and keeps the filter"
	else
		nok "$size: Enter closes the search prompt"
	fi
	keys Escape
	if wait_for "$TOTAL people"; then ok "$size: Esc clears the filter"
	else nok "$size: Esc clears the filter: $(head -c 400 "$SCR")"; fi

	# Key help.
	keys '?'
	if wait_for "Global keys"; then
		has "$SCR" "Keys of the People screen" "$size: the help lists the People screen's keys"
		has "$SCR" "search as you type" "$size: the help explains /"
		keys x
		if wait_gone "Global keys"; then ok "$size: any key closes the help"
		else nok "$size: any key closes the help"; fi
	else
		nok "$size: ? shows the key help"
	fi

	# The Week screen, then Tab and Shift-Tab round the tabs.
	keys 1
	if wait_for "In office"; then ok "$size: 1 shows the Week screen"
	else nok "$size: 1 shows the Week screen: $(head -c 600 "$SCR")"; fi
	keys Tab
	if wait_for "Afternoon"; then ok "$size: Tab goes to the next screen, Desks"
	else nok "$size: Tab goes to Desks: $(head -c 600 "$SCR")"; fi
	keys BTab BTab
	if wait_for "A secondment  V acting"; then
		ok "$size: Shift-Tab goes back, wrapping around to Rotation"
	else
		nok "$size: Shift-Tab from Desks twice gives Rotation: $(head -c 600 "$SCR")"
	fi
	keys 3
	wait_for "$TOTAL people" && ok "$size: 3 goes back to People" || nok "$size: 3 goes back to People"

	# Resizing: smaller, too small, larger again.
	tm resize-window -t hop -x 80 -y 24
	if wait_for "Login" && grep -q "KW 48" "$SCR" && ! grep -q "too small" "$SCR"; then
		ok "$size: at 80×24 the header stays and the detail pane goes below the list"
		eq "$(wc -l <"$SCR")" 24 "$size: the capture is 24 rows after the resize"
	else
		nok "$size: redraw at 80×24: $(head -c 600 "$SCR")"
	fi
	tm resize-window -t hop -x 50 -y 10
	if wait_for "Terminal too small (need 60×15)"; then ok "$size: at 50×10 only the size note shows"
	else nok "$size: at 50×10 the note 'too small': $(cat "$SCR")"; fi
	hasnt "$SCR" "KW 48" "$size: no garbage of the header at 50×10"
	tm resize-window -t hop -x "$W" -y "$H"
	if wait_gone "too small" && wait_for "KW 48"; then
		has "$SCR" "Rotation" "$size: enlarged again, the tab bar is back"
		filled=$(sed -n "4,$((H - 1))p" "$SCR" | sed 's/│.*//' | grep -c '[^ ]')
		eq "$filled" "$((H - 4))" "$size: enlarged again, the list fills the screen"
	else
		nok "$size: recovers when enlarged: $(cat "$SCR")"
	fi

	# An edit by the admin: select with the search, then e, the email field, Enter.
	NEW_EMAIL="g.test.$W@amt.example"
	keys /
	text "$OTHER"
	wait_for "match “$OTHER”" || nok "$size: search for $OTHER"
	keys Enter
	wait_gone "Search: "
	keys e
	if wait_for "Edit $OTHER_NAME ($OTHER)"; then
		has "$SCR" "Roles" "$size: the admin's form offers roles"
		has "$SCR" "Start date" "$size: the admin's form offers the start date"
		# A value core refuses keeps the form open, with core's reason.
		before=$(sql "SELECT * FROM person ORDER BY id; SELECT count(*) FROM audit;")
		HOP_USER=tester "$HOP" person edit "$OTHER" --email "not an email" >"$OUT" 2>"$ERR"
		bad_msg=$(sed -n 's/^hop: //p' "$ERR" | head -1)
		keys Tab C-u
		text "not an email"
		keys Enter
		if [ -n "$bad_msg" ] && wait_for "$bad_msg"; then
			has "$SCR" "Edit $OTHER_NAME ($OTHER)" "$size: after a refused value the form stays open"
		else
			nok "$size: a bad email in the form shows core's reason '$bad_msg': $(tail -n 3 "$SCR")"
		fi
		eq "$(sql "SELECT * FROM person ORDER BY id; SELECT count(*) FROM audit;")" "$before" \
			"$size: the refused value changed nothing"
		keys C-u
		text "$NEW_EMAIL"
		keys Enter
		if wait_for "Saved: $OTHER_NAME (email)."; then
			ok "$size: the edit is saved and says so"
			run person show "$OTHER"
			has "$OUT" "$NEW_EMAIL" "$size: 'hop person show' has the new email"
			has "$SCR" "$NEW_EMAIL" "$size: the detail pane shows the new email"
		else
			nok "$size: saving the edit: $(tail -c 400 "$SCR")"
		fi
	else
		nok "$size: e opens the form for the admin: $(cat "$SCR")"
	fi
	keys Escape
	wait_for "$TOTAL people"

	keys q
	expect_exit_clean "$size: q"

	# An employee may not edit a colleague: core's refusal, nothing changes.
	before=$(sql "SELECT * FROM person ORDER BY id; SELECT count(*) FROM audit;")
	HOP_USER=$EMPLOYEE "$HOP" person edit "$OTHER" --email "x@amt.example" >"$OUT" 2>"$ERR"
	msg=$(sed -n 's/^hop: //p' "$ERR" | head -1)
	[ -n "$msg" ] || nok "$size: 'hop person edit' as $EMPLOYEE is refused on the command line"
	start "$W" "$H" "$EMPLOYEE"
	wait_for "KW 48" || nok "$size: starts as $EMPLOYEE"
	has "$SCR" "· Employee" "$size: the header shows the employee's role"
	keys 3
	wait_for "$TOTAL people"
	keys /
	text "$OTHER"
	wait_for "match “$OTHER”"
	keys Enter
	wait_gone "Search: "
	keys e
	short=$(printf '%s' "$msg" | cut -c1-30)
	if wait_for "$short"; then
		tail -n 3 "$SCR" | tr '\n' ' ' | tr -s ' ' >"$SCRATCH/status"
		has "$SCRATCH/status" "$msg" "$size: e on a colleague shows core's refusal, whole"
		hasnt "$SCR" "Edit $OTHER_NAME" "$size: no form opens on a refusal"
		tm capture-pane -p -e -t hop | tail -n 3 >"$SCRATCH/status.esc"
		has "$SCRATCH/status.esc" "[41m" "$size: the refusal is in the error colour"
	else
		nok "$size: e as $EMPLOYEE on $OTHER shows '$msg': $(tail -c 400 "$SCR")"
	fi
	after=$(sql "SELECT * FROM person ORDER BY id; SELECT count(*) FROM audit;")
	eq "$after" "$before" "$size: the refused edit changed nothing in the database"
	keys C-c
	expect_exit_clean "$size: Ctrl-C"
done

# ---- colour settings ----
new_demo
start 100 30 tester
wait_for "KW 48"
tm capture-pane -p -e -t hop >"$SCRATCH/esc"
[ "$(colour_codes "$SCRATCH/esc")" -gt 0 ] && ok "colours by default on a colour terminal" ||
	nok "no colour codes on a colour terminal"
keys q
wait_exit

start 100 30 tester NO_COLOR=1
if wait_for "KW 48"; then
	keys 3
	wait_for "$TOTAL people"
	tm capture-pane -p -e -t hop >"$SCRATCH/esc"
	eq "$(colour_codes "$SCRATCH/esc")" 0 "NO_COLOR=1: no colour at all"
	has "$SCRATCH/esc" "[7m" "NO_COLOR=1: the selected row is shown in reverse video"
	has "$SCR" "$FIRST_TEAM (" "NO_COLOR=1: the list is there"
	keys j j /
	text "$TERM_SEARCH"
	wait_for "match “$TERM_SEARCH”" && ok "NO_COLOR=1: search works" || nok "NO_COLOR=1: search"
	keys Escape Escape q
	expect_exit_clean "NO_COLOR=1"
else
	nok "NO_COLOR=1: the screen comes up"
fi

printf '[organisation]\nname = %s\n[ui]\ncolour = never\n' "$ORG" >"$CONF"
start 100 30 tester
if wait_for "KW 48"; then
	tm capture-pane -p -e -t hop >"$SCRATCH/esc"
	eq "$(colour_codes "$SCRATCH/esc")" 0 "colour = never in hop.ini: no colour"
else
	nok "colour = never: the screen comes up"
fi
keys q
wait_exit
printf '[organisation]\nname = %s\n' "$ORG" >"$CONF"

# ---- someone hop does not know ----
HOP_USER=nobody "$HOP" person edit "$OTHER" --email "x@amt.example" >"$OUT" 2>"$ERR"
msg=$(sed -n 's/^hop: //p' "$ERR" | head -1)
start 100 30 nobody
if wait_for "KW 48"; then
	has "$SCR" "nobody · not registered" "an unknown login is shown as not registered"
	keys 3
	wait_for "$TOTAL people"
	keys e
	if [ -n "$msg" ] && wait_for "$(printf '%s' "$msg" | cut -c1-30)"; then
		tail -n 3 "$SCR" | tr '\n' ' ' | tr -s ' ' >"$SCRATCH/status"
		has "$SCRATCH/status" "$msg" "an unregistered user's e shows core's refusal"
		hasnt "$SCR" "Edit " "no form opens for an unregistered user"
	else
		nok "an unregistered user's e shows core's refusal '$msg': $(tail -n 3 "$SCR")"
	fi
	keys q
	expect_exit_clean "unregistered"
else
	nok "starts for an unregistered login"
fi

# ---- German ----
if locale -a 2>/dev/null | grep -qiE '^de_DE\.utf-?8$'; then
	start 100 30 tester LC_ALL=de_DE.UTF-8 LANGUAGE=de
	if wait_for "KW 48"; then
		ok "German locale: the screen comes up"
		keys 3
		wait_for "$TOTAL Personen"
		has "$SCR" "$ORG" "German locale: umlauts in the header drawn intact"
		has "$SCR" "$FIRST_TEAM (" "German locale: the team heading drawn intact"
		keys /
		text "$SURNAME"
		wait_for "passen zu „$SURNAME“" && ok "German locale: an umlaut typed into the search arrives whole, the count line in German" ||
			nok "German locale: typing '$SURNAME'"
		keys Escape q
		expect_exit_clean "German locale"
	else
		nok "German locale: the screen comes up: $(cat "$SCR")"
	fi
else
	skip "German locale: de_DE.UTF-8 is not installed (locale -a)"
fi

finish
