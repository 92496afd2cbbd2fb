#!/bin/sh
# Every screen at 80×24, in English and German: the footer keeps "? help" and
# "q quit" (the screen's own hints give way, ? lists them all), Week cells
# never shrink to a lone letter ("● B", "⌂ H"), and a presence day's heading
# keeps its date whole.
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
DE=$(locale -a 2>/dev/null | grep -i '^de_DE\.utf-\?8$' | head -1)

run init --demo
eq "$RC" 0 "the demo"
LEAD=$(sql "SELECT p.login FROM team t JOIN person p ON p.id = t.lead_id ORDER BY t.name LIMIT 1")
# A presence day on Wednesday for the lead's team, and a half-day booking.
TEAM=$(sql "SELECT t.slug FROM team t JOIN person p ON p.id = t.lead_id WHERE p.login = '$LEAD'")
HOP_USER=$LEAD run teamday set "$TEAM" wed --from 2026-11-23
eq "$RC" 0 "a presence day on Wednesdays"

for lang in en de; do
	if [ "$lang" = de ]; then
		[ -n "$DE" ] || { skip "no German locale"; continue; }
		loc=$DE help="? Hilfe" quit="q beenden"
	else
		loc=C.UTF-8 help="? help" quit="q quit"
	fi
	start 80 24 "$LEAD" LC_ALL="$loc"
	wait_for "KW 48" || nok "$lang: the Week screen came up: $(cat "$SCR")"
	for tab in 1 2 3 4; do
		keys "$tab"
		sleep 0.3
		grab
		foot=$(tail -n 1 "$SCR")
		case "$foot" in
		*"$help"*"$quit"*) ok "$lang, screen $tab: the footer keeps '$help' and '$quit'" ;;
		*) nok "$lang, screen $tab: footer '$foot'" ;;
		esac
	done
	keys 1
	# The Week screen again, not the tab before it still on the screen
	# (every tab's header says KW 48): its presence-day heading.
	i=0
	while grab && ! grep -q "★ [A-Za-z]* *25.11." "$SCR" && [ "$i" -lt 100 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	if grep -qE '[●⌂◆–→] [A-ZÄÖÜ]( |$)' "$SCR"; then
		nok "$lang: a Week cell shrank to a lone letter: $(grep -E '[●⌂◆–→] [A-ZÄÖÜ]( |$)' "$SCR" | head -2)"
	else
		ok "$lang: no Week cell is a lone letter"
	fi
	grep -q "★ [A-Za-z]* *25.11." "$SCR" && ok "$lang: the presence day's heading keeps its date" ||
		nok "$lang: heading $(sed -n 4p "$SCR")"
	# The help of Week is longer than 24 lines: it scrolls to its legend.
	text '?'
	sleep 0.3
	grab
	if grep -q "deviation from the office\|Abweichung" "$SCR"; then
		ok "$lang: Week's help fits without scrolling"
	else
		for i in 1 2 3 4 5 6; do keys NPage; done
		sleep 0.3
		grab
		grep -q "★  ✕  !" "$SCR" && ok "$lang: PgDn scrolls Week's help to its legend" ||
			nok "$lang: Week's help after PgDn: $(cat "$SCR")"
	fi
	text x
	wait_gone "★  ✕  !" || nok "$lang: x closes the help"
	# F1 and F10 as in mc and htop.
	keys F1
	if [ "$lang" = de ]; then glob="Allgemeine Tasten"; else glob="Global keys"; fi
	wait_for "$glob" && ok "$lang: F1 shows the help" || nok "$lang: F1: $(cat "$SCR")"
	text x
	if [ "$lang" = en ]; then keys F10; else keys q; fi
	expect_exit_clean "$lang"
done
finish
