#!/bin/sh
# Screen tests of the Desks screen's u at 80×24 (see tmux.sh): a booking made
# here is cancelled again and the person's day is as it was (no "office"
# left behind); a cancellation is booked again with the same half day; a room
# comes back with its group's size; facilities' booking for someone else is
# undone for that person (their day stays office: facilities plan no one's
# days, and the status line says so); u once more has nothing to undo; German.
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

DAY=2026-11-23
# live CODE: "am pm attendees login" of the live booking of CODE on DAY.
live() {
	sql "SELECT b.am || ' ' || b.pm || ' ' || b.attendees || ' ' || p.login FROM booking b
	     JOIN desk d ON d.id = b.desk_id JOIN person p ON p.id = b.person_id
	     WHERE d.code = '$1' AND b.day = '$DAY' AND b.cancelled_at IS NULL"
}
# day_of LOGIN: the day's own presence entry ("" = none).
day_of() {
	sql "SELECT x.location FROM presence x JOIN person p ON p.id = x.person_id
	     WHERE p.login = '$1' AND x.day = '$DAY'"
}

run init --demo
if [ "$RC" -ne 0 ]; then
	nok "hop init --demo failed: $(head -c 400 "$ERR")"
	finish
	exit
fi
# An employee with no booking and no entry of their own on Monday.
EMP=$(sql "SELECT p.login FROM person p WHERE p.end_date IS NULL AND p.roles = 1
	AND p.start_date <= '$DAY' AND NOT EXISTS (SELECT 1 FROM booking b WHERE b.person_id = p.id
	AND b.day = '$DAY' AND b.cancelled_at IS NULL) AND NOT EXISTS (SELECT 1 FROM presence x
	WHERE x.person_id = p.id AND x.day = '$DAY') ORDER BY p.login LIMIT 1")
HOP_USER=$EMP run free $DAY --desks --format csv
CODE=$(sed -n 2p "$OUT" | cut -d, -f1)
HOP_USER=$EMP run free $DAY --rooms --format csv
ROOM=$(sed -n 2p "$OUT" | cut -d, -f1)
[ -n "$EMP" ] && [ -n "$CODE" ] && [ -n "$ROOM" ] &&
	ok "the demo has $EMP with a free Monday, desk $CODE and room $ROOM" ||
	nok "employee '$EMP', desk '$CODE', room '$ROOM'"
before_day=$(day_of "$EMP")

start 80 24 "$EMP"
wait_for "KW 48" || nok "starts as $EMP"
keys 2
wait_for "Afternoon" || nok "2: the Desks screen"
keys u
wait_for "Nothing to undo" && ok "u before any change: nothing to undo" ||
	nok "u first: $(status_text)"

# A booking made, then undone: gone, and the day's entry as it was.
if select_code "$CODE"; then
	keys Enter
	wait_for "d whole day" && keys d
	wait_for "u undoes it." && ok "a booking says u undoes it" || nok "booked: $(status_text)"
	eq "$(live "$CODE")" "1 1 1 $EMP" "the desk is booked for the whole day"
	eq "$(day_of "$EMP")" "office" "the booking made Monday an office day"
	keys u
	if wait_for "Undone: $CODE on Mon 23 Nov 2026 is cancelled again."; then
		ok "u: the booking is undone"
		eq "$(live "$CODE")" "" "u: no live booking of $CODE"
		eq "$(day_of "$EMP")" "$before_day" "u: Monday has no entry of its own again"
		select_code "$CODE" && grab
		sel_line | grep -q "★" && nok "u: the row still shows mine: $(sel_line)" ||
			ok "u: the row no longer shows the booking as mine"
	else
		nok "u after booking: $(status_text)"
	fi
	keys u
	wait_for "Nothing to undo" && ok "u twice: nothing more to undo" || nok "u twice: $(status_text)"

	# A morning booked, cancelled with d y, then undone: the morning again.
	keys Enter
	wait_for "d whole day" && keys m
	wait_for "for the morning" || nok "m: $(status_text)"
	eq "$(live "$CODE")" "1 0 1 $EMP" "m: the morning booked"
	keys d
	wait_for "y yes" && keys y
	wait_for "Cancelled your booking of $CODE" || nok "d y: $(status_text)"
	eq "$(live "$CODE")" "" "d y: cancelled"
	keys u
	wait_for "Undone: $CODE on Mon 23 Nov 2026 is booked for you again." &&
		ok "u after cancelling: booked again" || nok "u after d: $(status_text)"
	eq "$(live "$CODE")" "1 0 1 $EMP" "u: the morning only, as it was"
else
	nok "could not select $CODE"
fi

# A room for four, cancelled, undone: four again.
if select_code "$ROOM"; then
	keys Enter
	wait_for "d whole day" && keys a
	wait_for "How many people?" && text 4 && keys Enter
	wait_for "for 4 people" || nok "room: $(status_text)"
	keys d
	wait_for "y yes" && keys y
	wait_for "Cancelled your booking of $ROOM" || nok "room d y: $(status_text)"
	keys u
	wait_for "is booked for you again" || nok "room u: $(status_text)"
	eq "$(live "$ROOM")" "0 1 4 $EMP" "u: the room's afternoon for 4 people again"
else
	nok "could not select $ROOM"
fi
keys q
expect_exit_clean "employee"

# Facilities book for someone, then undo: that person's booking goes.
run person list --format csv
FAC=$(grep -F 'facilities' "$OUT" | grep -v admin | head -1 | cut -d, -f1)
WHO=$(sql "SELECT p.login FROM person p WHERE p.end_date IS NULL AND p.login NOT IN ('$FAC', '$EMP')
	AND p.start_date <= '$DAY' AND p.roles = 1 AND NOT EXISTS (SELECT 1 FROM booking b
	WHERE b.person_id = p.id AND b.day = '$DAY' AND b.cancelled_at IS NULL)
	ORDER BY p.login LIMIT 1")
WHO_NAME=$(sql "SELECT name FROM person WHERE login = '$WHO'")
HOP_USER=$FAC run free $DAY --desks --format csv
CODE2=$(sed -n 2p "$OUT" | cut -d, -f1)

if [ -z "$DE" ]; then
	start 80 24 "$FAC"
	wait_for "KW 48" || nok "starts as $FAC"
	keys 2
	wait_for "Afternoon" || nok "2 as $FAC"
else
	start 80 24 "$FAC" LC_ALL="$DE" LANGUAGE=de
	wait_for "KW 48" || nok "German: starts as $FAC"
	keys 2
	wait_for "Nachmittag" || nok "German: 2 as $FAC"
fi
if select_code "$CODE2"; then
	if [ -n "$DE" ]; then
		who_q="Für wen:" half_q="d ganzer Tag" done_q="gebucht."
	else
		who_q="For whom:" half_q="d whole day" done_q="Booked $CODE2 for"
	fi
	# Each step once the screen asks for it: the list reads everyone first.
	keys f
	wait_for "$who_q" || nok "f: no list of people: $(status_text)"
	text "$WHO"
	keys Enter
	wait_for "$half_q" || nok "f, $WHO: no half day asked: $(status_text)"
	keys d
	wait_for "$done_q" || nok "f for $WHO: $(status_text)"
	eq "$(live "$CODE2")" "1 1 1 $WHO" "f: booked for $WHO"
	keys u
	if [ -n "$DE" ]; then
		wait_for "Rückgängig" && ok "German: u undone, in German" || nok "German u: $(status_text)"
		status_text | grep -qF "$WHO_NAME" && ok "German: the person is named" ||
			nok "German: u names $WHO_NAME: $(status_text)"
	else
		wait_for "Undone: $CODE2 for $WHO_NAME" && ok "u: undone for $WHO_NAME" ||
			nok "u for $WHO: $(status_text)"
	fi
	eq "$(live "$CODE2")" "" "u: $WHO's booking is gone"
	# Facilities do not plan others' days: the office day stays, and is said.
	eq "$(day_of "$WHO")" "office" "u: $WHO's day stays office (facilities plan no days)"
	if [ -n "$DE" ]; then
		status_text | grep -qF "bleibt ein" && ok "German: the day kept is said" ||
			nok "German: the day kept: $(status_text)"
	else
		status_text | grep -qF "stays an" && ok "the day kept is said" ||
			nok "the day kept: $(status_text)"
	fi
else
	nok "could not select $CODE2"
fi
keys q
expect_exit_clean "facilities"

finish
