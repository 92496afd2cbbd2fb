#!/bin/sh
# Screens that never show stale data: each screen reads its data again every
# time its tab is shown, so a desk booked or cancelled elsewhere (on another
# screen, or by another process) shows as soon as one looks again.
. "$(dirname "$0")/../cli/lib.sh"
. "$(dirname "$0")/tmux.sh"
: "${HOPLOCALEDIR:=$(dirname "$HOP")/locale}"
export HOPLOCALEDIR

if tmux_missing; then
	skip "tmux is not installed; the screen tests need it (apt-get install tmux)"
	finish
	exit
fi
printf '[organisation]\nname = Amt\n' >"$CONF"

expect_ok "init" init --name "Tess Ter"
expect_ok "team" team add "Referat 11"
expect_ok "anna" person add anna --name "Anna Berg" --team "Referat 11"
expect_ok "site" site add "Haus"
expect_ok "zone" zone add Haus "3. OG" "Süd" --level 3 --team "Referat 11"
expect_ok "desk S1" desk add S1 --zone Süd
expect_ok "desk S7" desk add S7 --zone Süd
HOP_USER=anna run book 2026-11-24 S1
eq "$RC" 0 "anna books S1 for Tuesday"

# The Week screen (Monday 23 November) shows the booking.
start 100 30 anna
wait_for "In office" || nok "the Week screen did not come up: $(cat "$SCR")"
has "$SCR" "S1" "Week: Tuesday's desk S1"
# The Desks screen once, for Tuesday, then back to Week.
keys 2
wait_for "Booked " || true
keys 1
wait_for "In office" || true

# Another process moves anna to S7.
HOP_USER=anna run cancel 2026-11-24 S1
eq "$RC" 0 "anna cancels S1 on the command line"
HOP_USER=anna run book 2026-11-24 S7
eq "$RC" 0 "and books S7"

# Looking at Desks and back at Week: both show S7, neither S1.
keys 2
wait_for "Booked " || true
keys 1
if wait_for "In office" && wait_for "S7"; then ok "Week shows the new desk S7 when shown again"
else nok "Week still shows the old week: $(cat "$SCR")"; fi
# S7 drawn need not mean the whole list is (tmux may show a screen half
# redrawn): S1 must go within wait_gone's time, not at the first look.
if wait_gone "S1"; then ok "Week no longer shows S1"
else nok "Week still shows S1: $(cat "$SCR")"; fi

# The Desks screen for Tuesday: move to the next day and look at S7's row.
keys 2
wait_for "Booked " || true
keys l
wait_for "Tue 24 Nov" || wait_for "24 Nov" || true
grab
if grep -E "^. S7 " "$SCR" | grep -q "mine"; then ok "Desks: S7 is anna's own on Tuesday"
else nok "Desks does not show S7 as anna's: $(cat "$SCR")"; fi
# Another process cancels; Week and back: Desks shows S7 free.
HOP_USER=anna run cancel 2026-11-24 S7
keys 1
wait_for "In office" || true
keys 2
wait_for "Booked " || true
i=0
while grep -E "^. S7 " "$SCR" | grep -q "mine" && [ $i -lt 50 ]; do sleep 0.1; grab; i=$((i + 1)); done
if grep -E "^. S7 " "$SCR" | grep -q "free"; then ok "Desks shows S7 free again when shown again"
else nok "Desks still shows the cancelled booking: $(cat "$SCR")"; fi
# Desks follows the day chosen on Week, and Week the day chosen on Desks.
keys 1
wait_for "In office" || true
keys l l
keys 2
if wait_for "Thu 26 Nov 2026"; then ok "Desks opens on the day selected on Week (Thursday)"
else nok "Desks did not follow Week: $(sed -n 3p "$SCR")"; fi
keys ']'
wait_for "Thu 3 Dec 2026" || true
keys 1
if wait_for "KW 49 · 30.11."; then ok "Week follows the day chosen on Desks into KW 49"
else nok "Week did not follow Desks: $(sed -n 3p "$SCR")"; fi
keys q
expect_exit_clean "quit"

# On a Sunday the Week screen opens on the coming week, not the one just ended.
SAVED=$HOP_TODAY
HOP_TODAY=2026-11-29
start 100 30 anna
if wait_for "KW 49 · 30.11."; then ok "on Sunday 29 November the Week screen opens on KW 49"
else nok "Sunday: $(sed -n 3p "$SCR")"; fi
keys q
expect_exit_clean "Sunday"
HOP_TODAY=$SAVED
finish
