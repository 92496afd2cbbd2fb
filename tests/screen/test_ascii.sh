#!/bin/sh
# The screens under a locale that is not UTF-8 (C and POSIX in English,
# ISO-8859-1 in German), at 80×24 (see tmux.sh): hop's symbols become ASCII,
# one column each, never "???"; the bottom line says once that names need a
# UTF-8 terminal; under UTF-8 nothing of this shows.
. "$(dirname "$0")/../cli/lib.sh"
. "$(dirname "$0")/tmux.sh"
: "${HOPLOCALEDIR:=$(dirname "$HOP")/locale}"
export HOPLOCALEDIR

if tmux_missing; then
	skip "tmux is not installed; the screen tests need it (apt-get install tmux)"
	finish
	exit
fi
printf '[organisation]\nname = Landesamt\n' >"$CONF"

run init --demo
eq "$RC" 0 "the demo"
LEAD=$(sql "SELECT p.login FROM team t JOIN person p ON p.id = t.lead_id
	WHERE p.team_id = t.id AND p.end_date IS NULL ORDER BY t.name LIMIT 1")
HOP_USER=$LEAD run presence set 2026-11-24 home --note "Handwerker"
eq "$RC" 0 "a home day with a note"
SAY="This terminal's locale is not UTF-8, so hop shows its symbols in ASCII"

for loc in C POSIX; do
	start 80 24 "$LEAD" LC_ALL="$loc" LANG="$loc"
	if ! wait_for "KW 48 . 23.-27.11.2026"; then
		nok "$loc: the week's heading in ASCII: $(sed -n 1,4p "$SCR")"
		keys q
		continue
	fi
	ok "$loc: 'KW 48 . 23.-27.11.2026'"
	has "$SCR" "$SAY" "$loc: the bottom line says why, once"
	hasnt "$SCR" "???" "$loc: no symbol drawn as '???'"
	grep -qE '(\* office|\. not set|\* [0-9])' "$SCR" && ok "$loc: cells with '*' and '.'" ||
		nok "$loc: cells: $(sed -n 5,9p "$SCR")"
	grep -F "^ home" "$SCR" | grep -qF '"' && ok "$loc: the home day '^', its note '\"'" ||
		nok "$loc: the home day: $(grep -F home "$SCR" | head -2)"
	keys l
	wait_gone "$SAY" && ok "$loc: the note goes with the first key" || nok "$loc: still said"
	has "$SCR" "? help  ^v<> move" "$loc: the footer's arrows in ASCII"
	keys 2
	if wait_for "Afternoon"; then
		has "$SCR" "o free" "$loc: Desks: free places 'o'"
		hasnt "$SCR" "???" "$loc: Desks: no '???'"
		tab=$(sed -n 2p "$SCR")
		case "$tab" in *"2 Desks"*) ok "$loc: the tab bar" ;; *) nok "$loc: tabs: $tab" ;; esac
	else
		nok "$loc: 2: $(cat "$SCR")"
	fi
	keys '?'
	if wait_for "Keys of the Desks screen"; then
		has "$SCR" "j k  v ^" "$loc: the help's arrows in ASCII"
		hasnt "$SCR" "???" "$loc: help: no '???'"
		keys x
	else
		nok "$loc: ?: $(cat "$SCR")"
	fi
	keys q
	expect_exit_clean "$loc"
done

# ISO-8859-1, in German: the symbols ASCII, the words translated.  The
# locale is the system's, or made for this test alone (localedef, LOCPATH).
LATIN=$(locale -a 2>/dev/null | grep -i '^de_DE\.iso-\?8859-\?1$' | head -1)
LOCDIR=
if [ -z "$LATIN" ] && command -v localedef >/dev/null 2>&1 && mkdir -p "$SCRATCH/locale" &&
	localedef -i de_DE -f ISO-8859-1 "$SCRATCH/locale/de_DE.ISO-8859-1" >/dev/null 2>&1; then
	LATIN=de_DE.ISO-8859-1 LOCDIR=$SCRATCH/locale
fi
if [ -n "$LATIN" ]; then
	if [ -n "$LOCDIR" ]; then
		start 80 24 "$LEAD" LC_ALL="$LATIN" LANGUAGE=de LOCPATH="$LOCDIR"
	else
		start 80 24 "$LEAD" LC_ALL="$LATIN" LANGUAGE=de
	fi
	# The tmux pane reads UTF-8, so what ISO-8859-1 has itself ("·", "ä")
	# does not come through here; a Latin-1 terminal shows it.  What it
	# lacks ("–", "●", "⌂") must be ASCII.
	if wait_for "23.-27.11.2026"; then
		ok "$LATIN: the week's dates with an ASCII dash"
		if grep -q "Woche" "$SCR"; then
			tail -n 3 "$SCR" | tr '\n' ' ' | tr -s ' ' |
				grep -qF "ist nicht UTF-8, daher zeigt hop seine Symbole in ASCII" &&
				ok "$LATIN: the bottom line says why, in German" ||
				nok "$LATIN: the bottom line: $(tail -n 3 "$SCR")"
		else
			skip "$LATIN: no German catalogue here (HOPLOCALEDIR=$HOPLOCALEDIR)"
		fi
		hasnt "$SCR" "???" "$LATIN: no symbol drawn as '???'"
	else
		nok "$LATIN: $(sed -n 1,4p "$SCR")"
	fi
	keys q
	expect_exit_clean "$LATIN"
else
	skip "de_DE.ISO-8859-1 is not installed and cannot be made here (localedef)"
fi

# UTF-8: the symbols themselves, and nothing said.
start 80 24 "$LEAD"
wait_for "KW 48 · 23.–27.11.2026" && ok "UTF-8: the symbols themselves" || nok "UTF-8: $(sed -n 3p "$SCR")"
hasnt "$SCR" "$SAY" "UTF-8: nothing said about the locale"
keys q
expect_exit_clean "UTF-8"

finish
