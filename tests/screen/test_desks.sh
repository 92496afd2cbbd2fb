#!/bin/sh
# Screen tests of the Desks screen, headless in tmux (see tmux.sh): the day
# and its ISO week, zones, desks and who has them, days and weeks, booking and
# cancelling with the keys, a refusal in core's words, weekends, the zone and
# attribute filters, sizes and resizing, colours off.  What the screen shows
# is checked against the database and the command line.
. "$(dirname "$0")/../cli/lib.sh"
. "$(dirname "$0")/tmux.sh"

if tmux_missing; then
	skip "tmux is not installed; the screen tests need it (apt-get install tmux)"
	finish
	exit
fi

printf '[organisation]\nname = Bundesamt für Beispiele\n' >"$CONF"

# The list starts on the 6th line: header, tabs, day, occupancy, column titles.
# Place rows start with two spaces (or "> " when selected), zone headings at
# the first column.
place_rows() { sed -n '6,$p' "$SCR" | sed '$d' | grep -c '^[> ] [^ ]'; }
list_rows() { sed -n '6,$p' "$SCR" | sed '$d' | grep -c '[^ ]'; }
# settled N [COUNT]: the list's row count (or what the function COUNT counts),
# read again (bounded) until it is N, so that a screen still arriving in tmux
# under load is not counted half drawn.
settled() {
	i=0
	while [ "$(${2:-list_rows})" != "$1" ] && [ "$i" -lt 50 ]; do
		sleep 0.1
		grab
		i=$((i + 1))
	done
	${2:-list_rows}
}
occupancy() { sed -n 's/.*Booked \([0-9]*\) of \([0-9]*\) half days.*/\1 \2/p' "$SCR" | head -1; }
row_of() { grep -F -- "$1 " "$SCR" | grep -E '^[> ] ' | grep -F -- " $1 " | head -1; }
has_row() { [ -n "$(row_of "$1")" ]; }

# pick_zone LABEL: z, type the label, Enter; until the heading shows the filter.
pick_zone() {
	keys z
	wait_for "All zones" || return 1
	text "$1"
	keys Enter
	wait_gone "All zones"
}

zone_labels() {
	sql "SELECT s.name || ' · ' || f.name || ' · ' || z.name FROM zone z
	     JOIN floor f ON f.id = z.floor_id JOIN site s ON s.id = f.site_id ORDER BY z.id"
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
if [ "$(sql "SELECT count(*) FROM desk")" -eq 0 ]; then
	nok "the demo organisation has desks (it has none)"
	finish
	exit
fi

# ---- the day to test on and the places to test with, read from the database ----
D=2026-11-24
DH="Tue 24 Nov 2026"
ACTIVE="(d.retired_on IS NULL OR d.retired_on > '$D')"
# A shared desk, free all day on D, in the zone with the most such desks.
ZONE_ID=$(sql "SELECT d.zone_id FROM desk d WHERE d.kind = 'desk' AND d.owner_id IS NULL
	AND d.bookable_by = 'all' AND $ACTIVE AND NOT EXISTS (SELECT 1 FROM booking b
	WHERE b.desk_id = d.id AND b.day = '$D' AND b.cancelled_at IS NULL)
	GROUP BY d.zone_id ORDER BY count(*) DESC, d.zone_id LIMIT 1")
FREE=$(sql "SELECT d.code FROM desk d WHERE d.zone_id = $ZONE_ID AND d.kind = 'desk'
	AND d.owner_id IS NULL AND d.bookable_by = 'all' AND $ACTIVE AND NOT EXISTS
	(SELECT 1 FROM booking b WHERE b.desk_id = d.id AND b.day = '$D' AND b.cancelled_at IS NULL)
	ORDER BY d.id LIMIT 1")
ZONE_LABEL=$(sql "SELECT s.name || ' · ' || f.name || ' · ' || z.name FROM zone z
	JOIN floor f ON f.id = z.floor_id JOIN site s ON s.id = f.site_id WHERE z.id = $ZONE_ID")
ZONE_NAME=$(sql "SELECT name FROM zone WHERE id = $ZONE_ID")
ZONE_PLACES=$(sql "SELECT count(*) FROM desk d WHERE d.zone_id = $ZONE_ID AND $ACTIVE")
[ -n "$FREE" ] || nok "the demo has a shared desk free on $D"

# tester books FREE below: no desk of theirs on D may stand in the way.
if [ "$(sql "SELECT count(*) FROM booking b JOIN person p ON p.id = b.person_id
	WHERE p.login = 'tester' AND b.day = '$D' AND b.cancelled_at IS NULL AND b.is_room = 0")" -gt 0 ]
then
	expect_ok "tester's own booking on $D cancelled for the test" cancel "$D"
fi
# A desk of the same zone booked by someone else on D: from the demo, or
# booked now on the command line for a colleague who has no desk that day.
TAKEN=$(sql "SELECT d.code FROM desk d JOIN booking b ON b.desk_id = d.id
	WHERE d.zone_id = $ZONE_ID AND d.kind = 'desk' AND b.day = '$D' AND b.cancelled_at IS NULL
	AND b.am = 1 AND b.pm = 1 ORDER BY d.id LIMIT 1")
if [ -z "$TAKEN" ]; then
	TAKEN=$(sql "SELECT d.code FROM desk d WHERE d.zone_id = $ZONE_ID AND d.kind = 'desk'
		AND d.owner_id IS NULL AND d.bookable_by = 'all' AND $ACTIVE AND d.code <> '$FREE'
		AND NOT EXISTS (SELECT 1 FROM booking b WHERE b.desk_id = d.id AND b.day = '$D'
		AND b.cancelled_at IS NULL) ORDER BY d.id LIMIT 1")
	COLLEAGUE=$(sql "SELECT p.login FROM person p WHERE p.end_date IS NULL AND p.login <> 'tester'
		AND NOT EXISTS (SELECT 1 FROM booking b WHERE b.person_id = p.id AND b.day = '$D'
		AND b.cancelled_at IS NULL AND b.is_room = 0) ORDER BY p.login LIMIT 1")
	expect_ok "a colleague's booking of $TAKEN on $D made on the command line" \
		book "$D" "$TAKEN" --for "$COLLEAGUE"
fi
TAKEN_BY=$(sql "SELECT p.name FROM booking b JOIN desk d ON d.id = b.desk_id
	JOIN person p ON p.id = b.person_id WHERE d.code = '$TAKEN' AND b.day = '$D'
	AND b.cancelled_at IS NULL ORDER BY b.am DESC LIMIT 1")
[ -n "$TAKEN" ] && [ -n "$TAKEN_BY" ] || nok "a desk taken on $D in zone $ZONE_LABEL"

# Core's refusal of TAKEN for tester, as the command line shows it: core's
# sentence, then the command line's advice ("; 'hop free ...'"), which the
# screens replace with their own.
STATE="SELECT * FROM booking ORDER BY id; SELECT count(*) FROM audit;"
before=$(sql "$STATE")
run book "$D" "$TAKEN"
REFUSAL=$(sed -n 's/^hop: //p' "$ERR" | head -1)
REFUSAL=${REFUSAL%%"; 'hop "*}
[ "$RC" -ne 0 ] && [ -n "$REFUSAL" ] || nok "'hop book $D $TAKEN' as tester is refused (exit $RC)"
eq "$(sql "$STATE")" "$before" "the refused 'hop book' changed nothing"

# ---- 100×30: the whole walk ----
W=100 H=30
start "$W" "$H" tester
wait_for "KW 48" || nok "hop starts: $(head -c 400 "$SCR")"
keys 2
if wait_for "Mon 23 Nov 2026 · KW 48"; then
	ok "2 opens the Desks screen on today with its ISO week"
else
	nok "the Desks screen shows 'Mon 23 Nov 2026 · KW 48': $(head -c 800 "$SCR")"
fi
hasnt "$SCR" "not built yet" "the Desks screen is no placeholder"
has "$SCR" "Morning" "column titles: morning"
has "$SCR" "Afternoon" "column titles: afternoon"
if grep -qE 'Booked [0-9]+ of [0-9]+ half days \([0-9]+ %\)' "$SCR"; then
	ok "the occupancy line of the day"
else
	nok "no occupancy line 'Booked N of M half days (P %)': $(sed -n 3,5p "$SCR")"
fi
shown=0 umlaut=""
zone_labels >"$SCRATCH/labels"
while IFS= read -r l; do
	if grep -qF -- "$l" "$SCR"; then
		shown=$((shown + 1))
		case "$l" in *[äöüÄÖÜß]*) umlaut=$l ;; esac
	fi
done <"$SCRATCH/labels"
[ "$shown" -ge 1 ] && ok "zone headings 'site · floor · zone' ($shown shown)" ||
	nok "no zone heading of $(head -3 "$SCRATCH/labels") on: $(head -c 800 "$SCR")"
if grep -q '[äöüÄÖÜß]' "$SCRATCH/labels"; then
	[ -n "$umlaut" ] && ok "a zone heading with umlauts drawn intact ($umlaut)" ||
		nok "zone headings with umlauts are not drawn intact: $(sed -n 6,12p "$SCR")"
fi
codes=0
for c in $(sql "SELECT code FROM desk ORDER BY id"); do
	has_row "$c" && codes=$((codes + 1))
done
[ "$codes" -ge 5 ] && ok "desk codes in rows ($codes shown)" || nok "desk codes shown: $codes"
eq "$(settled $((H - 6)))" "$((H - 6))" "the list fills the screen"
[ -n "$(sel_line)" ] && ok "a place is selected" || nok "no selected row"

# Days and weeks.
keys l
wait_for "Tue 24 Nov 2026 · KW 48" && ok "l: the next day" || nok "l: $(sed -n 3p "$SCR")"
keys ']'
wait_for "Tue 1 Dec 2026 · KW 49" && ok "]: a week later, KW 49" || nok "]: $(sed -n 3p "$SCR")"
keys '['
wait_for "$DH · KW 48" && ok "[: a week back" || nok "[: $(sed -n 3p "$SCR")"
keys Left
wait_for "Mon 23 Nov 2026 · KW 48" && ok "←: the day before" || nok "←: $(sed -n 3p "$SCR")"
keys Right Right
wait_for "Wed 25 Nov 2026" && ok "→ →: two days on" || nok "→: $(sed -n 3p "$SCR")"
keys t
wait_for "Mon 23 Nov 2026 · KW 48" && ok "t: today" || nok "t: $(sed -n 3p "$SCR")"

# A weekend day, typed with g: not a working day, and booking is refused.
keys g
wait_for "Go to date:" || nok "g opens the date prompt"
text "28.11.2026"
keys Enter
if wait_for "Sat 28 Nov 2026 · KW 48"; then
	ok "g 28.11.2026 goes to the Saturday"
	has "$SCR" "Sat 28 Nov 2026 is a Saturday, not a working day" "a Saturday says it is not a working day"
	has "$SCR" "not bookable" "on a Saturday the places are not bookable"
	before=$(sql "$STATE")
	select_code "$FREE" || nok "selecting $FREE on the Saturday"
	keys Enter
	if wait_for "Sat 28 Nov 2026 is a"; then
		tail -n 3 "$SCR" | tr '\n' ' ' >"$SCRATCH/status"
		has "$SCRATCH/status" "Sat 28 Nov 2026 is a" "Enter on a Saturday: the reason in the status line"
		hasnt "$SCRATCH/status" "d whole day" "Enter on a Saturday asks for no half day"
	else
		nok "Enter on a Saturday: $(tail -n 3 "$SCR")"
	fi
	eq "$(sql "$STATE")" "$before" "booking on a Saturday changed nothing"
else
	nok "g 28.11.2026: $(sed -n 3,4p "$SCR")"
fi
keys g
wait_for "Go to date:"
text "31.02.2026"
keys Enter
wait_for "'31.02.2026' is not a date" && ok "g with a date that is none: the reason in the status line" ||
	nok "g 31.02.2026: $(tail -n 3 "$SCR")"
has "$SCR" "Sat 28 Nov 2026" "a date that is none leaves the day as it was"
keys g
wait_for "Go to date:"
text "$D"
keys Enter
wait_for "$DH · KW 48" && ok "g $D" || nok "g $D: $(sed -n 3p "$SCR")"

# The zone filter.
others=0
if pick_zone "$ZONE_LABEL" && wait_for "Zone: $ZONE_NAME"; then
	ok "z: the chosen zone is named in the heading"
	want=$ZONE_PLACES
	[ "$want" -gt "$((H - 7))" ] && want=$((H - 7))
	# The heading is drawn before the rows; under load tmux may show the
	# new heading over the old list for a moment.
	settled "$want" place_rows >/dev/null
	has "$SCR" "$ZONE_LABEL" "z: the zone's heading is shown"
	while IFS= read -r l; do
		[ "$l" = "$ZONE_LABEL" ] && continue
		grep -qF -- "$l" "$SCR" && others=$((others + 1))
	done <"$SCRATCH/labels"
	eq "$others" 0 "z: no other zone is shown"
	eq "$(place_rows)" "$want" "z: as many places as the zone has"
else
	nok "z: choosing '$ZONE_LABEL': $(head -c 900 "$SCR")"
fi

# A desk taken by a colleague shows who has it; booking it is refused in core's words.
row_of "$TAKEN" >"$SCRATCH/row"
has "$SCRATCH/row" "● $TAKEN_BY" "a booked desk shows who has it ($TAKEN: $TAKEN_BY)"
occ_before=$(occupancy)
before=$(sql "$STATE")
if select_code "$TAKEN"; then
	keys Enter
	wait_for "d whole day" || nok "Enter asks for the half day"
	keys d
	short=$(printf '%s' "$REFUSAL" | cut -c1-30)
	if [ -n "$REFUSAL" ] && wait_for "$short"; then
		tail -n 3 "$SCR" | tr '\n' ' ' | tr -s ' ' >"$SCRATCH/status"
		has "$SCRATCH/status" "$REFUSAL" "booking a taken desk shows core's refusal, whole"
		hasnt "$SCRATCH/status" "'hop " "... with the screens' advice, not a command"
		tm capture-pane -p -e -t hop | tail -n 3 >"$SCRATCH/status.esc"
		has "$SCRATCH/status.esc" "[41m" "the refusal is in the error colour"
	else
		nok "booking $TAKEN: the refusal '$REFUSAL': $(tail -n 3 "$SCR")"
	fi
else
	nok "could not select $TAKEN: $(sed -n 6,20p "$SCR")"
fi
eq "$(sql "$STATE")" "$before" "the refused booking changed nothing in the database"

# Book a free desk for the whole day.
keys Home
if select_code "$FREE"; then
	row_of "$FREE" >"$SCRATCH/row"
	eq "$(grep -o '○ free' "$SCRATCH/row" | wc -l)" 2 "$FREE is free in the morning and the afternoon"
	keys Enter
	wait_for "Book $FREE on $DH" && ok "Enter asks which half day to book" ||
		nok "Enter on $FREE: $(tail -n 2 "$SCR")"
	keys d
	if wait_for "Booked $FREE on $DH for the whole day."; then
		ok "d: booked for the whole day, and the status line says so"
		row_of "$FREE" >"$SCRATCH/row"
		eq "$(grep -o '★ mine' "$SCRATCH/row" | wc -l)" 2 "$FREE now shows as mine, morning and afternoon"
		set -- $occ_before
		b0=${1:-0} n0=${2:-0}
		set -- $(occupancy)
		eq "${1:-x} ${2:-x}" "$((b0 + 2)) $n0" "the occupancy line counts the two half days"
		run bookings --mine
		has "$OUT" "$FREE" "'hop bookings --mine' lists the new booking"
		eq "$(sql "SELECT count(*) FROM booking b JOIN desk d ON d.id = b.desk_id JOIN person p
			ON p.id = b.person_id WHERE d.code = '$FREE' AND p.login = 'tester' AND b.day = '$D'
			AND b.am = 1 AND b.pm = 1 AND b.cancelled_at IS NULL")" 1 \
			"the database holds the whole-day booking"
	else
		nok "booking $FREE: $(tail -n 3 "$SCR")"
	fi
	# d with n keeps it; d with y cancels.
	keys d
	wait_for "Cancel your booking of $FREE on $DH?" && ok "d asks before cancelling" ||
		nok "d on $FREE: $(tail -n 2 "$SCR")"
	keys n
	wait_for "Nothing cancelled." && ok "n keeps the booking" || nok "n: $(tail -n 2 "$SCR")"
	keys d
	wait_for "Cancel your booking of $FREE"
	keys y
	if wait_for "Cancelled your booking of $FREE on $DH."; then
		ok "y cancels, and the status line says so"
		row_of "$FREE" >"$SCRATCH/row"
		eq "$(grep -o '○ free' "$SCRATCH/row" | wc -l)" 2 "$FREE is free again"
		eq "$(occupancy)" "$occ_before" "the occupancy is back to what it was"
		eq "$(sql "SELECT count(*) FROM booking b JOIN desk d ON d.id = b.desk_id
			WHERE d.code = '$FREE' AND b.day = '$D' AND b.cancelled_at IS NULL")" 0 \
			"the database has no active booking of $FREE on $D"
	else
		nok "cancelling $FREE: $(tail -n 3 "$SCR")"
	fi
	# The morning only.
	keys Enter
	wait_for "m morning"
	keys m
	if wait_for "Booked $FREE on $DH for the morning."; then
		row_of "$FREE" >"$SCRATCH/row"
		grep -qE "★ mine +○ free" "$SCRATCH/row" && ok "m: the morning is mine, the afternoon free" ||
			nok "m: row $(cat "$SCRATCH/row")"
	else
		nok "booking the morning: $(tail -n 3 "$SCR")"
	fi
	keys d
	wait_for "Cancel your booking"
	keys y
	wait_for "Cancelled your booking of $FREE" || nok "cancelling the morning"
else
	nok "could not select $FREE: $(sed -n 6,20p "$SCR")"
fi
# A room: the half day, then the number of people.
ROOM=$(sql "SELECT d.code FROM desk d WHERE d.kind <> 'desk' AND d.bookable_by = 'all' AND $ACTIVE
	AND d.capacity >= 4 AND NOT EXISTS (SELECT 1 FROM booking b WHERE b.desk_id = d.id
	AND b.day = '$D' AND b.cancelled_at IS NULL) ORDER BY d.id LIMIT 1")
if [ -n "$ROOM" ]; then
	keys c
	wait_gone "Zone: $ZONE_NAME"
	keys Home
	if select_code "$ROOM"; then
		keys Enter
		wait_for "d whole day"
		keys a
		wait_for "How many people?" && ok "a room asks how many people" ||
			nok "room $ROOM: $(tail -n 2 "$SCR")"
		text "four"
		keys Enter
		wait_for "'four' is not a number of people" && ok "a room: a count that is no number is refused" ||
			nok "room count 'four': $(tail -n 2 "$SCR")"
		before=$(sql "$STATE")
		keys Enter
		wait_for "d whole day"
		keys a
		wait_for "How many people?"
		text "4"
		keys Enter
		if wait_for "Booked $ROOM on $DH for the afternoon, for 4 people."; then
			ok "a room booked for the afternoon for 4 people"
			row_of "$ROOM" >"$SCRATCH/row"
			grep -qE "○ free +★ mine \(4\)" "$SCRATCH/row" && ok "the room's afternoon is mine, for 4" ||
				nok "room row: $(cat "$SCRATCH/row")"
			eq "$(sql "SELECT CAST(attendees AS text) || am || pm FROM booking b JOIN desk d ON d.id = b.desk_id
				WHERE d.code = '$ROOM' AND b.day = '$D' AND b.cancelled_at IS NULL")" "401" \
				"the database holds the room's afternoon for 4"
		else
			nok "booking room $ROOM: $(tail -n 3 "$SCR")"
		fi
		keys d
		wait_for "Cancel your booking of $ROOM"
		keys y
		wait_for "Cancelled your booking of $ROOM" && ok "the room booking cancelled" ||
			nok "cancelling $ROOM: $(tail -n 2 "$SCR")"
	else
		nok "could not select room $ROOM"
	fi
	pick_zone "$ZONE_LABEL"
	wait_for "Zone: $ZONE_NAME"
	keys Home
	select_code "$FREE" || nok "selecting $FREE again"
fi
d_on_free=$(sql "$STATE")
keys d
wait_for "You have no booking of $FREE" && ok "d on a desk that is not mine says so" ||
	nok "d on a place not mine: $(tail -n 2 "$SCR")"
eq "$(sql "$STATE")" "$d_on_free" "d on a place not mine changed nothing"

# The attribute filter: a word core does not know is refused, a known one filters.
keys a
wait_for "Attributes" || nok "a opens the attribute prompt"
text "nonsense"
keys Enter
wait_for "nonsense" && ok "an unknown attribute: core's reason in the status line" ||
	nok "a nonsense: $(tail -n 2 "$SCR")"
keys c
wait_for "Filters cleared" && ok "c clears the filters" || nok "c: $(tail -n 2 "$SCR")"
hasnt "$SCR" "Zone: $ZONE_NAME" "after c no zone filter is shown"
ATTR_CODE=$(sql "SELECT code FROM desk d WHERE d.kind = 'desk' AND (d.attrs & 1) = 1 AND $ACTIVE
	ORDER BY id LIMIT 1")
NOATTR_CODE=$(sql "SELECT code FROM desk d WHERE d.kind = 'desk' AND (d.attrs & 1) = 0 AND $ACTIVE
	ORDER BY id LIMIT 1")
if [ -n "$ATTR_CODE" ] && [ -n "$NOATTR_CODE" ]; then
	keys a
	wait_for "Attributes"
	text "monitor"
	keys Enter
	if wait_for "Attributes: monitor"; then
		ok "a monitor: the filter is named in the heading"
		bad=0
		for c in $(sql "SELECT code FROM desk d WHERE (d.attrs & 1) = 0"); do
			has_row "$c" && bad=$((bad + 1))
		done
		eq "$bad" 0 "a monitor: no place without a monitor is listed"
	else
		nok "a monitor: $(sed -n 3p "$SCR")"
	fi
	keys c
	wait_for "Filters cleared"
fi

# Key help, screens, resizing.
keys '?'
if wait_for "Keys of the Desks screen"; then
	has "$SCR" "previous / next week" "the help lists [ and ]"
	has "$SCR" "book the selected place" "the help lists Enter"
	keys x
	wait_gone "Keys of the Desks screen" && ok "any key closes the help" || nok "closing the help"
else
	nok "? shows the Desks screen's keys: $(cat "$SCR")"
fi
keys Tab
wait_for " people" && ok "Tab goes on to People" || nok "Tab from Desks: $(sed -n 2,4p "$SCR")"
keys 2
wait_for "Mon 23 Nov 2026 · KW 48" || wait_for "· KW 4"
has "$SCR" "Morning" "2 comes back to the Desks screen"
tm resize-window -t hop -x 80 -y 24
if wait_for "Morning" && grep -q "KW 4" "$SCR" && ! grep -q "too small" "$SCR"; then
	ok "at 80×24 the screen is drawn anew"
	eq "$(settled $((24 - 6)))" "$((24 - 6))" "at 80×24 the list fills the smaller screen"
	[ -n "$(sel_line)" ] && ok "at 80×24 the selection stays in view" || nok "no selection at 80×24"
else
	nok "at 80×24: $(cat "$SCR")"
fi
tm resize-window -t hop -x 50 -y 10
wait_for "Terminal too small" && ok "at 50×10 only the size note" || nok "at 50×10: $(cat "$SCR")"
tm resize-window -t hop -x "$W" -y "$H"
wait_gone "too small" && wait_for "Morning" && ok "enlarged again, the Desks screen is back" ||
	nok "after enlarging: $(cat "$SCR")"
eq "$(settled $((H - 6)))" "$((H - 6))" "enlarged again, the list fills the screen"
keys q
expect_exit_clean "100×30: q"

# ---- 200×60 ----
start 200 60 tester
wait_for "KW 48"
keys 2
if wait_for "Mon 23 Nov 2026 · KW 48"; then
	ok "200×60: the day heading"
	total=$(sql "SELECT count(*) FROM desk d WHERE (d.retired_on IS NULL OR d.retired_on > '$HOP_TODAY')")
	zones=$(sql "SELECT count(DISTINCT zone_id) FROM desk d WHERE (d.retired_on IS NULL OR d.retired_on > '$HOP_TODAY')")
	want=$((total + zones))
	[ "$want" -gt 54 ] && want=54
	# The heading may arrive before the rest of a big screen: poll (bounded).
	i=0
	while :; do
		rows=$(sed -n '6,59p' "$SCR" | grep -c '[^ ]')
		if [ "$rows" = "$want" ] || [ "$i" -ge 50 ]; then break; fi
		sleep 0.1
		grab
		i=$((i + 1))
	done
	eq "$rows" "$want" "200×60: zone headings and places fill the list"
else
	nok "200×60: $(head -c 600 "$SCR")"
fi
keys q
expect_exit_clean "200×60: q"

# ---- privacy: an employee of another team sees "booked", not the name ----
TEAM_OF_BOOKER=$(sql "SELECT p.team_id FROM booking b JOIN desk d ON d.id = b.desk_id
	JOIN person p ON p.id = b.person_id WHERE d.code = '$TAKEN' AND b.day = '$D'
	AND b.cancelled_at IS NULL LIMIT 1")
EMP=$(sql "SELECT login FROM person WHERE roles = 1 AND end_date IS NULL AND team_id IS NOT NULL
	AND team_id <> ${TEAM_OF_BOOKER:-0} AND id NOT IN (SELECT lead_id FROM team WHERE lead_id IS NOT NULL)
	ORDER BY login LIMIT 1")
if [ -n "$EMP" ]; then
	start 100 30 "$EMP"
	wait_for "KW 48"
	keys 2
	wait_for "Mon 23 Nov 2026 · KW 48"
	keys l
	wait_for "$DH · KW 48"
	if pick_zone "$ZONE_LABEL" && wait_for "Zone: $ZONE_NAME"; then
		row_of "$TAKEN" >"$SCRATCH/row"
		has "$SCRATCH/row" "● booked" "privacy: $EMP of another team sees $TAKEN as booked"
		hasnt "$SCRATCH/row" "$TAKEN_BY" "privacy: and not who has it"
	else
		nok "privacy: zone filter as $EMP: $(head -c 600 "$SCR")"
	fi
	keys q
	expect_exit_clean "as $EMP"
else
	skip "privacy: the demo has no plain employee outside the booker's team"
fi

# ---- without colour ----
start 100 30 tester NO_COLOR=1
wait_for "KW 48"
keys 2
if wait_for "Mon 23 Nov 2026 · KW 48"; then
	tm capture-pane -p -e -t hop >"$SCRATCH/esc"
	eq "$(colour_codes "$SCRATCH/esc")" 0 "NO_COLOR=1: no colour at all"
	grep -qE '○ free|● |■ fixed|★ mine' "$SCR" && ok "NO_COLOR=1: the states are told by symbols and words" ||
		nok "NO_COLOR=1: no state symbols: $(sed -n 6,12p "$SCR")"
	has "$SCRATCH/esc" "[7m" "NO_COLOR=1: the selected row in reverse video"
else
	nok "NO_COLOR=1: the Desks screen: $(head -c 600 "$SCR")"
fi
keys q
expect_exit_clean "NO_COLOR=1"

# ---- German ----
if locale -a 2>/dev/null | grep -qiE '^de_DE\.utf-?8$'; then
	start 100 30 tester LC_ALL=de_DE.UTF-8 LANGUAGE=de
	wait_for "KW 48"
	keys 2
	if ! grep -q "Mo 23.11.2026" "$SCR"; then
		skip "German: no German catalogue here (HOPLOCALEDIR=${HOPLOCALEDIR:-unset})"
	elif wait_for "Mo 23.11.2026 · KW 48"; then
		ok "German: the day as 'Mo 23.11.2026 · KW 48'"
		keys ']'
		wait_for "Mo 30.11.2026 · KW 49" && ok "German: ] goes to KW 49" ||
			nok "German: ]: $(sed -n 3p "$SCR")"
		[ -z "$umlaut" ] || has "$SCR" "$umlaut" "German: umlauts in zone headings intact"
	else
		nok "German: the day heading: $(sed -n 1,4p "$SCR")"
	fi
	keys q
	expect_exit_clean "German"
else
	skip "German locale: de_DE.UTF-8 is not installed (locale -a)"
fi

finish
