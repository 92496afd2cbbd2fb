#!/bin/sh
# The full-screen interface under a German locale, run headless in tmux as in
# test_tui.sh: German tabs, header (weekday, DD.MM.YYYY, KW), key help, search,
# form, status messages and core's refusals.  Every wait polls the screen (at
# most 10 s), never sleeps for a fixed time.
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
if ! locale -a 2>/dev/null | grep -qiE '^de_DE\.utf-?8$'; then
	skip "the locale $DE is not installed (no de_DE.utf8 in 'locale -a'); the German screen cannot be tested"
	finish
	exit
fi

ORG="Landesamt für Beispiele"
printf '[organisation]\nname = %s\n' "$ORG" >"$CONF"

# start_de W H LOGIN: hop (tmux.sh's start) under the German locale.
start_de() { start "$1" "$2" "$3" LC_ALL=$DE LANG=$DE; }

# hop's own German message on the command line, without "hop: ".
cli_de() { LC_ALL=$DE LANG=$DE "$HOP" "$@" 2>&1 >/dev/null | sed -n 's/^hop: //p' | head -1; }

run init --demo
if [ "$RC" -ne 0 ]; then
	nok "hop init --demo failed: $(head -c 400 "$ERR")"
	finish
	exit
fi

TOTAL=$(sql "SELECT count(*) FROM person WHERE end_date IS NULL OR end_date >= '$HOP_TODAY'")
SURNAME=$(sql "SELECT name FROM person WHERE end_date IS NULL ORDER BY login" |
	sed 's/.* //' | grep '[äöü]' | grep -v 'ß' | head -1)
EMPLOYEE=$(sql "SELECT login FROM person WHERE roles = 1 AND end_date IS NULL AND team_id IS NOT NULL ORDER BY login LIMIT 1")
OTHER=$(sql "SELECT login FROM person WHERE end_date IS NULL AND login <> '$EMPLOYEE' AND team_id <> (SELECT team_id FROM person WHERE login = '$EMPLOYEE') ORDER BY login LIMIT 1")
OTHER_NAME=$(sql "SELECT name FROM person WHERE login = '$OTHER'")
[ -n "$SURNAME" ] && [ -n "$EMPLOYEE" ] && [ -n "$OTHER" ] &&
	ok "the demo has a surname with an umlaut ($SURNAME), an employee and a colleague" ||
	nok "the demo has a surname with an umlaut, an employee and a colleague in another team"

# ---- 100×30 as the admin ----
start_de 100 30 tester
if wait_for "KW 48"; then
	ok "the header shows the ISO week as KW 48"
	has "$SCR" "Mo 23.11.2026" "the header shows today as 'Mo 23.11.2026'"
	hasnt "$SCR" "2026-11-23" "no ISO date in the header"
	has "$SCR" "tester · Administration" "the header shows the role in German"
	has "$SCR" "$ORG" "the organisation's name, umlaut intact"
	n=1
	for tab in Woche Arbeitsplätze Personen Einarbeitung Fortbildung Rotation; do
		has "$SCR" "$n $tab" "tab $n is '$tab'"
		n=$((n + 1))
	done
	# hop opens on the Week screen (Woche), its home; 3 shows People.
	has "$SCR" "KW 48 · 23.–27.11.2026" "hop opens on the Week screen"
	keys 3
	wait_for "$TOTAL Personen" || nok "3 shows People: $(head -c 600 "$SCR")"
	for en in Week Desks People Onboarding Training; do
		hasnt "$SCR" "$en" "no English tab '$en'"
	done
	has "$SCR" "$TOTAL Personen" "the count of current people in German"
	has "$SCR" "? Hilfe   / Suche   e bearbeiten" "the key hints in German"
	grep -qE '│ Eintrittsdatum +[0-9]{2}\.[0-9]{2}\.[0-9]{4}' "$SCR" &&
		ok "the detail pane shows the start date as DD.MM.YYYY" ||
		nok "the detail pane's start date: $(grep 'Eintritt' "$SCR")"
	has "$SCR" "Kennung" "the detail pane's labels are German"

	keys '?'
	if wait_for "Allgemeine Tasten"; then
		ok "? opens the German key help"
		has "$SCR" "Tasten der Ansicht Personen" "the help names the screen in German"
		has "$SCR" "Suche während der Eingabe" "the help explains / in German"
		has "$SCR" "Strg-L" "German key names (Strg)"
		has "$SCR" "Eine beliebige Taste schließt diese Hilfe." "the closing hint in German"
		hasnt "$SCR" "Global keys" "no English in the help"
		keys x
		wait_gone "Allgemeine Tasten" && ok "any key closes the help" || nok "any key closes the help"
	else
		nok "? shows the key help: $(cat "$SCR")"
	fi

	keys /
	text "$SURNAME"
	if wait_for "passen zu „$SURNAME“"; then
		ok "the search counts its matches in German, umlaut intact"
		has "$SCR" "Suche: $SURNAME" "the search prompt in German"
	else
		nok "the search for '$SURNAME': $(tail -n 3 "$SCR")"
	fi
	keys Escape Escape
	wait_for "$TOTAL Personen" || nok "Esc clears the search"

	keys e
	if wait_for "Enter speichern   Tab nächstes Feld   Esc abbrechen"; then
		ok "e opens the form with German key hints"
		has "$SCR" ") bearbeiten" "the form's title in German"
		keys Escape
		wait_for "Bearbeitung abgebrochen; nichts geändert." &&
			ok "Esc cancels the form, in German" || nok "the cancel message: $(tail -n 2 "$SCR")"
	else
		nok "e opens the form: $(cat "$SCR")"
	fi

	tm resize-window -t hop -x 50 -y 10
	wait_for "Terminal zu klein (nötig sind " && ok "at 50×10 the size note is German" ||
		nok "the size note at 50×10: $(cat "$SCR")"
	tm resize-window -t hop -x 80 -y 24
	if wait_gone "zu klein" && wait_for "KW 48"; then
		for tab in Woche Arbeitsplätze Personen Einarbeitung Fortbildung Rotation; do
			has "$SCR" "$tab" "at 80×24 the tab '$tab' is still whole"
		done
	else
		nok "recovers at 80×24: $(cat "$SCR")"
	fi
	keys q
	expect_exit_clean "q"
else
	nok "the German screen comes up: $(cat "$SCR")"
fi

# ---- an employee is refused, in core's German words ----
before=$(sql "SELECT * FROM person ORDER BY id; SELECT count(*) FROM audit;")
msg=$(HOP_USER=$EMPLOYEE cli_de person edit "$OTHER" --email x@amt.example)
case "$msg" in
(Sie\ dürfen*) ok "the command line refuses $EMPLOYEE in German";;
(*) nok "the command line refusal for $EMPLOYEE is not German: '$msg'";;
esac
start_de 100 30 "$EMPLOYEE"
if wait_for "KW 48"; then
	has "$SCR" "· Beschäftigte:r" "the header shows the employee role in German, for one person"
	keys 3
	wait_for "$TOTAL Personen"
	keys /
	text "$OTHER"
	wait_for "passen zu „$OTHER“" || nok "search for $OTHER"
	keys Enter
	wait_gone "Suche: "
	keys e
	if [ -n "$msg" ] && wait_for "$(printf '%s' "$msg" | cut -c1-30)"; then
		tail -n 3 "$SCR" | tr '\n' ' ' | tr -s ' ' >"$SCRATCH/status"
		has "$SCRATCH/status" "$msg" "e on a colleague shows core's German refusal, whole"
		hasnt "$SCR" "$OTHER_NAME ($OTHER) bearbeiten" "no form opens on a refusal"
	else
		nok "e as $EMPLOYEE on $OTHER shows '$msg': $(tail -n 3 "$SCR")"
	fi
	keys q
	expect_exit_clean "employee, q"
else
	nok "the German screen comes up for $EMPLOYEE: $(cat "$SCR")"
fi
eq "$(sql "SELECT * FROM person ORDER BY id; SELECT count(*) FROM audit;")" "$before" \
	"the refused edits changed nothing"

finish
