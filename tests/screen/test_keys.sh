#!/bin/sh
# Every key the ? help lists, pressed on its screen in a real terminal (tmux,
# see tmux.sh): the keys are read off the help overlay as a person reads
# them, sent as the terminal sends them (PgDn and Home as escape sequences),
# and after each one, and an Esc that closes whatever question it opened,
# the help comes up again for the same screen: the key neither crashed hop,
# nor hung it, nor left the screen.  That each key reaches its action, not
# "that key does nothing here", tests/unit/test_tui_keys.c checks through the
# dispatch itself; this is the same from the outside.
. "$(dirname "$0")/../cli/lib.sh"
. "$(dirname "$0")/tmux.sh"

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

# help_keys SCREEN: the keys column of the screen's part of the help on the
# captured screen, one line each ("j k  ↓ ↑").  Between the box's frame the
# keys stand before a gap of three or more spaces.
help_keys() {
	sed -n "/Keys of the $1 screen/,/Press any key to close this help/p" "$SCR" |
		sed '1d; $d' | sed 's/^[^│]*│ *//; s/ *│.*$//; s/   .*//' | grep -v '^ *$'
}

# tmux_key TOKEN: the key as tmux send-keys names it; "global" for the keys
# every screen shares (they leave the screen, on purpose); nothing for a
# symbol of a legend line.
tmux_key() {
	case "$1" in
	↓) echo Down ;; ↑) echo Up ;; ←) echo Left ;; →) echo Right ;;
	PgDn) echo NPage ;; PgUp) echo PPage ;; Home) echo Home ;; End) echo End ;;
	Space) echo Space ;; Enter) echo Enter ;; Esc) echo Escape ;;
	Tab | Shift-Tab) echo global ;;
	[a-zA-Z] | / | '[' | ']') echo "lit:$1" ;;
	esac
}

# press_and_check SCREEN KEY DESC: send KEY, Esc, then ?: the help must come
# up for SCREEN again, and close.
press_and_check() {
	case "$2" in
	lit:*) text "${2#lit:}" ;;
	*) keys "$2" ;;
	esac
	keys Escape
	text '?'
	if wait_for "Keys of the $1 screen"; then ok "$1: $3, then Esc: hop still shows the $1 screen"
	else nok "$1: $3, then Esc, then ?: no help of the $1 screen: $(tail -n 4 "$SCR")"; fi
	text x
	wait_gone "Global keys" || nok "$1: the help closes after $3"
}

start 100 60 tester
if ! wait_for "KW 48"; then
	nok "hop comes up: $(head -c 600 "$SCR")"
	finish
	exit
fi
# The tokens of a line are split by the shell, never expanded as file names.
set -f
n=1
for screen in Week Desks People Onboarding; do
	text "$n"
	n=$((n + 1))
	text '?'
	if ! wait_for "Keys of the $screen screen"; then
		nok "$screen: ? shows the screen's keys: $(head -c 600 "$SCR")"
		continue
	fi
	help_keys "$screen" >"$SCRATCH/keys"
	text x
	wait_gone "Global keys"
	lines=$(wc -l <"$SCRATCH/keys")
	[ "$lines" -ge 8 ] && ok "$screen: the help lists $lines lines of keys" ||
		nok "$screen: only $lines lines of keys in the help: $(cat "$SCRATCH/keys")"
	pressed=0
	while IFS= read -r line; do
		# A line with a symbol that is not a key is a legend: nothing to press.
		legend=""
		for tok in $line; do [ -z "$(tmux_key "$tok")" ] && legend=1; done
		[ -n "$legend" ] && continue
		for tok in $line; do
			k=$(tmux_key "$tok")
			[ "$k" = global ] && continue
			press_and_check "$screen" "$k" "'$tok' (of '$line')"
			pressed=$((pressed + 1))
		done
	done <"$SCRATCH/keys"
	[ "$pressed" -ge 10 ] && ok "$screen: $pressed keys pressed" ||
		nok "$screen: only $pressed keys pressed"
done
keys q
expect_exit_clean "after every key of every screen"

finish
