#!/bin/sh
# A form's team or person is chosen from a list, not typed: on the People
# screen's edit form and the Rotation screen's assignment form, typing on the
# field opens the chooser narrowed as core folds names (an en dash typed as a
# hyphen, umlauts spelled out), Enter takes the one selected, Esc leaves the
# field as it was.  At 80×24, in English and German, headless in tmux.
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
: >"$CONF"

run init --demo
if [ "$RC" -ne 0 ]; then
	nok "hop init --demo failed: $(head -c 400 "$ERR")"
	finish
	exit
fi

TEAM="Referat Z 2 – Haushalt"
# Someone of another team, to move into it.
WHO=$(sql "SELECT p.login FROM person p JOIN team t ON t.id = p.team_id WHERE p.end_date IS NULL AND t.name <> '$TEAM' AND p.login <> 'tester' ORDER BY p.login LIMIT 1")
WHO_NAME=$(sql "SELECT name FROM person WHERE login = '$WHO'")
team_of() { sql "SELECT coalesce(t.name, '') FROM person p LEFT JOIN team t ON t.id = p.team_id WHERE p.login = '$1'"; }

# open_form PEOPLE TITLE: the People screen (its count says PEOPLE), WHO
# selected by the search, e (the form's TITLE), the team field.
open_form() {
	keys 3
	wait_for "$1" || nok "3 shows the People screen"
	keys /
	text "$WHO"
	wait_for "$WHO" || nok "the search for $WHO"
	keys Enter
	keys e
	wait_for "$2" || { nok "e opens the form ($2): $(tail -n 5 "$SCR")"; return 1; }
	keys Tab Tab
}

# ---- English ----
start 80 24 tester
if wait_for "KW 48" && open_form people "Edit $WHO_NAME ($WHO)"; then
	has "$SCR" "Type to choose" "the team field says it is chosen from a list"
	# Esc in the chooser leaves the field as it was.
	text "x"
	wait_for "Type to narrow" && ok "typing on the team field opens the chooser" ||
		nok "the chooser opens: $(cat "$SCR")"
	keys Escape
	wait_gone "Type to narrow"
	has "$SCR" "Edit $WHO_NAME ($WHO)" "Esc closes the chooser, the form stays"
	# The en dash typed as a hyphen: narrowed to the one team.
	text "z 2 - haus"
	wait_for "Type to narrow" || nok "the chooser opens again"
	has "$SCR" "$TEAM" "'z 2 - haus' narrows to '$TEAM'"
	hasnt "$SCR" "Innerer Dienst" "... and the other teams are not offered"
	keys Enter
	wait_gone "Type to narrow"
	has "$SCR" "$TEAM" "Enter takes the team into the field"
	keys Enter
	if wait_for "Saved: $WHO_NAME (team)."; then
		ok "the form saves the team chosen"
		eq "$(team_of "$WHO")" "$TEAM" "$WHO is in $TEAM"
	else
		nok "saving: $(tail -n 3 "$SCR")"
	fi
fi
keys q
expect_exit_clean "English: q"

# The assignment form on the Rotation screen: the person from a list.
start 80 24 tester
if wait_for "KW 48"; then
	keys 6
	wait_for "Rotation" || true
	keys a
	if wait_for "Add an assignment"; then
		# The form opens on the team (the person selected is filled in).
		keys BTab
		text "Oemer"
		wait_for "Type to narrow" || nok "typing on the person field opens the chooser"
		has "$SCR" "Ömer Stojanović (ostojanovic)" "'Oemer' finds Ömer Stojanović in the list"
		keys Enter
		wait_gone "Type to narrow"
		has "$SCR" "ostojanovic" "Enter takes the login into the field"
		keys Escape
		wait_for "Cancelled; nothing changed." && ok "Esc cancels the assignment form" ||
			nok "Esc: $(tail -n 3 "$SCR")"
	else
		nok "a opens the assignment form: $(tail -n 5 "$SCR")"
	fi
fi
keys q
expect_exit_clean "Rotation: q"

# ---- German ----
if ! locale -a 2>/dev/null | grep -qiE '^de_DE\.utf-?8$'; then
	skip "the locale $DE is not installed; the German chooser cannot be tested"
	finish
	exit
fi
start 80 24 tester LC_ALL=$DE LANG=$DE
if wait_for "KW 48" && open_form Personen "$WHO_NAME ($WHO) bearbeiten"; then
	has "$SCR" "Tippen wählt aus" "German: the team field says it is chosen from a list"
	text "kein"
	wait_for "Tippen grenzt ein" || nok "German: the chooser opens"
	has "$SCR" "(kein Team)" "German: the chooser offers no team"
	keys Enter
	wait_gone "Tippen grenzt ein"
	keys Enter
	if wait_for "Gespeichert: $WHO_NAME (Team)."; then
		ok "German: the form saves no team"
		eq "$(team_of "$WHO")" "" "$WHO is in no team now"
	else
		nok "German: saving: $(tail -n 3 "$SCR")"
	fi
fi
keys q
expect_exit_clean "German: q"

finish
