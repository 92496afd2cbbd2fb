#!/bin/sh
# Screen tests of the Week screen's edits of a day at 80×24, in English and
# German (see tmux.sh): M moves the day's desk to another free desk (one
# change, confirmed, undone with u), b on a booked day offers the same, n
# writes the day's note (shown in the cell, the details, 'hop presence show'
# and the calendar feed), Enter's details act with the grid's keys, and a
# change that breaks the office agreement says so on the bottom line.
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

# desk_on LOGIN DAY: the active desk booked that day ("" none).
desk_on() {
	sql "SELECT d.code FROM booking b JOIN desk d ON d.id = b.desk_id JOIN person x
	     ON x.id = b.person_id WHERE x.login = '$1' AND b.day = '$2'
	     AND b.cancelled_at IS NULL AND b.is_room = 0"
}
note_on() {
	sql "SELECT coalesce(p.note, '') FROM presence p JOIN person x ON x.id = p.person_id
	     WHERE x.login = '$1' AND p.day = '$2'"
}

run init --demo
if [ "$RC" -ne 0 ]; then
	nok "hop init --demo failed: $(head -c 400 "$ERR")"
	finish
	exit
fi
# A lead who is a member of their own team: the Week screen opens on their row.
LEAD=$(sql "SELECT p.login FROM team t JOIN person p ON p.id = t.lead_id
	WHERE p.team_id = t.id AND p.end_date IS NULL ORDER BY t.name LIMIT 1")
LEAD_NAME=$(sql "SELECT name FROM person WHERE login = '$LEAD'")
# The lead's Tuesday: a desk near the team, booked on the command line.
HOP_USER=$LEAD run presence set 2026-11-24 home
HOP_USER=$LEAD run book 2026-11-24 --any --near-team
eq "$RC" 0 "$LEAD books a desk for Tuesday"
D1=$(desk_on "$LEAD" 2026-11-24)

# ---- English, 80×24 ----
start 80 24 "$LEAD"
wait_for "KW 48" || nok "the Week screen came up: $(cat "$SCR")"
keys l
# M: the free desks, best first; Enter chooses the first, y confirms.
keys M
if wait_for "Move $D1 to:" && wait_for "Type to narrow"; then
	ok "M: a chooser of free desks opens ('Move $D1 to:')"
	has "$SCR" "nearest to the team first" "M: the bottom line says how they are ordered"
	hasnt "$SCR" "$D1  " "M: the desk held is not offered"
	keys Enter
	if wait_for "Move the desk of $LEAD_NAME on Tue 24 Nov 2026 from $D1 to"; then
		ok "Enter: asked before anything changes"
		eq "$(desk_on "$LEAD" 2026-11-24)" "$D1" "asked: the desk is still $D1"
		keys y
		if wait_for "instead of $D1 on Tue 24 Nov 2026 (u undoes it)."; then
			D2=$(desk_on "$LEAD" 2026-11-24)
			[ -n "$D2" ] && [ "$D2" != "$D1" ] && ok "y: the desk moved from $D1 to $D2" ||
				nok "y: the desk is '$D2'"
			has "$SCR" "desk $D2 instead of $D1" "y: the bottom line names both desks"
			eq "$(sql "SELECT count(*) FROM booking b JOIN desk d ON d.id = b.desk_id
				WHERE d.code = '$D1' AND b.day = '2026-11-24'
				AND b.cancel_reason = 'moved to desk $D2'")" 1 "the old booking says where it went"
			grep -F "$LEAD_NAME" "$SCR" | grep -qF "$D2" && ok "the cell shows $D2" ||
				nok "the cell: $(grep -F "$LEAD_NAME" "$SCR")"
		else
			nok "y: $(status_text)"
		fi
	else
		nok "M Enter: $(status_text)"
	fi
else
	nok "M: $(cat "$SCR")"
fi
keys u
if wait_for "1 day is as it was."; then
	eq "$(desk_on "$LEAD" 2026-11-24)" "$D1" "u: the desk is $D1 again"
else
	nok "u after M: $(status_text)"
fi
# b on a day with a desk offers the move; Esc changes nothing.
keys b
if wait_for "Move $D1 to:"; then
	ok "b on a booked day: the same chooser"
	keys Escape
	wait_for "Nothing changed." && ok "Esc: nothing changed" || nok "Esc: $(status_text)"
	eq "$(desk_on "$LEAD" 2026-11-24)" "$D1" "Esc: the desk stays $D1"
else
	nok "b on a booked day: $(status_text)"
fi

# n: the day's note.
keys n
if wait_for "Note, Tue 24 Nov 2026:"; then
	ok "n: the bottom line asks for the note"
	text "Zahnarzt 10 Uhr"
	keys Enter
	if wait_for "the note on Tue 24 Nov 2026 is saved (u undoes it)."; then
		eq "$(note_on "$LEAD" 2026-11-24)" "Zahnarzt 10 Uhr" "n: the database holds the note"
		grep -F "$LEAD_NAME" "$SCR" | grep -qF "✎" && ok "n: the cell is marked ✎" ||
			nok "n: the cell: $(grep -F "$LEAD_NAME" "$SCR")"
		has "$SCR" "✎ Zahnarzt 10 Uhr" "n: the line under the grid shows the note"
		eq "$(desk_on "$LEAD" 2026-11-24)" "$D1" "n: the desk stays"
		HOP_USER=$LEAD run presence show --week 2026-W48
		has "$OUT" "Zahnarzt 10 Uhr" "'hop presence show' shows the note"
		HOP_USER=$LEAD run export ics --person "$LEAD"
		has "$OUT" "Zahnarzt 10 Uhr" "the person's calendar feed carries the note"
	else
		nok "n Enter: $(status_text)"
	fi
else
	nok "n: $(status_text)"
fi
# The location changes, the note stays.
keys s m
if wait_for "n no"; then keys y; fi
wait_for "mobile on Tue 24 Nov 2026" || nok "s m: $(status_text)"
eq "$(note_on "$LEAD" 2026-11-24)" "Zahnarzt 10 Uhr" "s m: the note stays with the day"
keys u
wait_for "1 day is as it was." || nok "u after s m: $(status_text)"

# Enter: the details offer the day's keys; n from there edits the note.
keys Enter
if wait_for "s location  n note  b desk  M move  d cancel desk"; then
	ok "Enter: the details name the day's actions"
	has "$SCR" "Zahnarzt 10 Uhr" "the details show the note"
	keys n
	if wait_for "Note, Tue 24 Nov 2026: Zahnarzt 10 Uhr"; then
		ok "n in the details: the note to edit"
		keys C-u Enter
		wait_for "the note on Tue 24 Nov 2026 is removed" && ok "an empty note removes it" ||
			nok "C-u Enter: $(status_text)"
		eq "$(note_on "$LEAD" 2026-11-24)" "" "the database holds no note"
		keys u
		wait_for "1 day is as it was." || nok "u after removing: $(status_text)"
		eq "$(note_on "$LEAD" 2026-11-24)" "Zahnarzt 10 Uhr" "u: the note is back"
	else
		nok "n in the details: $(status_text)"
	fi
else
	nok "Enter: $(cat "$SCR")"
fi

# Five home days in KW 49: the bottom line says what the agreement says.
keys ']'
wait_for "KW 49" || nok "]: $(sed -n 3p "$SCR")"
keys h h h h h v l l l l s h
if wait_for "n no"; then keys y; fi
if wait_for "home on Mon 30 Nov 2026 to Fri 4 Dec 2026"; then
	has "$SCR" "! 5 home or mobile days in KW 49; the office agreement allows" \
		"a week of five home days: the agreement's note on the bottom line"
else
	nok "v s h over KW 49: $(status_text)"
fi
keys q
expect_exit_clean "English"

# ---- German, 80×24 ----
if [ -z "$DE" ]; then
	skip "German: de_DE.UTF-8 is not installed (locale -a)"
	finish
	exit
fi
start 80 24 "$LEAD" LC_ALL="$DE" LANGUAGE=de
wait_for "KW 48" || nok "German: the Week screen came up"
if ! grep -q "Mo 23.11.2026" "$SCR"; then
	skip "German: no German catalogue here (HOPLOCALEDIR=$HOPLOCALEDIR)"
	keys q
	finish
	exit
fi
keys l Enter
if wait_for "s Ort  n Notiz  b Platz  M verlegen  d stornieren"; then
	ok "German: the details name the day's actions"
	keys M
	wait_for "$D1 verlegen nach:" && ok "German: M from the details opens the chooser" ||
		nok "German: M: $(cat "$SCR")"
	keys Escape
	wait_for "Nichts geändert." && ok "German: Esc changes nothing" || nok "German: Esc: $(status_text)"
else
	nok "German: Enter: $(cat "$SCR")"
fi
keys n
if wait_for "Notiz, Di 24.11.2026: Zahnarzt 10 Uhr"; then
	ok "German: n shows the note to edit"
	keys End
	text ", Praxis Süd"
	keys Enter
	wait_for "die Notiz am Di 24.11.2026 ist gespeichert" && ok "German: the note is saved" ||
		nok "German: n Enter: $(status_text)"
	eq "$(note_on "$LEAD" 2026-11-24)" "Zahnarzt 10 Uhr, Praxis Süd" "German: umlauts in the note"
else
	nok "German: n: $(status_text)"
fi
keys q
expect_exit_clean "German"

finish
