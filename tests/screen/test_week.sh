#!/bin/sh
# Screen tests of the Week screen, hop's home, headless in tmux (see tmux.sh):
# the ISO week and its dates, the team's members, locations set with the keys
# and checked on the command line and in the database, a lead setting a
# member's day, a desk booked from the screen, weeks forward and back across
# the year boundary (KW 53 of 2026, KW 1 of 2027), holidays, details, the team
# chooser, sizes, German.
. "$(dirname "$0")/../cli/lib.sh"
. "$(dirname "$0")/tmux.sh"
: "${HOPLOCALEDIR:=$(dirname "$HOP")/locale}"
export HOPLOCALEDIR

if tmux_missing; then
	skip "tmux is not installed; the screen tests need it (apt-get install tmux)"
	finish
	exit
fi

printf '[organisation]\nname = Bundesamt für Beispiele\n' >"$CONF"

# The grid starts on the 5th line: header, tabs, week heading, day headings.
# The selected person's row starts with ">".
row_of() { grep -F -- "$1" "$SCR" | grep -E '^[> ] ' | head -1; }
loc_of() { # LOGIN DAY: the day's own entry in the database
	sql "SELECT p.location FROM presence p JOIN person x ON x.id = p.person_id
	     WHERE x.login = '$1' AND p.day = '$2'"
}
desk_of() { # LOGIN DAY: the active desk bookings of the day
	sql "SELECT count(*) FROM booking b JOIN person x ON x.id = b.person_id
	     WHERE x.login = '$1' AND b.day = '$2' AND b.cancelled_at IS NULL AND b.is_room = 0"
}

empty_db
run init --demo
if [ "$RC" -ne 0 ]; then
	nok "hop init --demo failed: $(head -c 400 "$ERR")"
	finish
	exit
fi

# A lead from the demo, as 'hop team list' gives them, whose own team has at
# least three members; and those members, as 'hop person list' gives them.
LEAD="" TEAM=""
run team list --format csv
sed 1d "$OUT" >"$SCRATCH/teams.csv"
while IFS=, read -r name slug lead rest; do
	[ -n "$lead" ] || continue
	own=$(sql "SELECT t.name FROM person p JOIN team t ON t.id = p.team_id WHERE p.login = '$lead'")
	n=$(sql "SELECT count(*) FROM person p JOIN team t ON t.id = p.team_id WHERE t.slug = '$slug'
		AND (p.end_date IS NULL OR p.end_date >= '$HOP_TODAY')")
	if [ "$own" = "$name" ] && [ "$n" -ge 3 ]; then
		LEAD=$lead TEAM=$name
		break
	fi
done <"$SCRATCH/teams.csv"
if [ -z "$LEAD" ]; then
	nok "the demo has a lead who is a member of their own team of three or more"
	finish
	exit
fi
LEAD_NAME=$(sql "SELECT name FROM person WHERE login = '$LEAD'")
run person list --team "$TEAM" --format csv
sed 1d "$OUT" | cut -d, -f1,2 >"$SCRATCH/members.csv"
MEMBERS=$(wc -l <"$SCRATCH/members.csv")
# A member other than the lead: the row below the lead's, or above it.
MEMBER=$(grep -v "^$LEAD," "$SCRATCH/members.csv" | head -1 | cut -d, -f1)
MEMBER_NAME=$(sql "SELECT name FROM person WHERE login = '$MEMBER'")
# A plain employee of another team, for a refusal.
OUTSIDER=$(sql "SELECT p.login FROM person p JOIN team t ON t.id = p.team_id
	WHERE t.name <> '$TEAM' AND p.roles = 1 AND p.end_date IS NULL ORDER BY p.login LIMIT 1")

# select_name NAME: move with j / k until NAME's row is selected.
select_name() {
	i=0
	while [ "$i" -lt 60 ]; do
		grab
		case "$(sel_line)" in *"$1"*) return 0 ;; esac
		keys j
		i=$((i + 1))
		sleep 0.05
	done
	i=0
	while [ "$i" -lt 60 ]; do
		grab
		case "$(sel_line)" in *"$1"*) return 0 ;; esac
		keys k
		i=$((i + 1))
		sleep 0.05
	done
	return 1
}

# ---- 100×30: the lead's own team, week 48 ----
start 100 30 "$LEAD"
if ! wait_for "KW 48 · 23.–27.11.2026"; then
	nok "100×30: the Week screen opens on 'KW 48 · 23.–27.11.2026': $(head -c 800 "$SCR")"
	finish
	exit
fi
ok "100×30: hop opens on the Week screen, 'KW 48 · 23.–27.11.2026'"
sed -n 2p "$SCR" | grep -q "1 Week" && ok "the tab bar shows 1 Week" || nok "tab bar: $(sed -n 2p "$SCR")"
has "$SCR" "$TEAM" "the heading names the lead's team"
has "$SCR" "Mon 23.11." "the Monday's column heading"
has "$SCR" "Fri 27.11." "the Friday's column heading"
shown=0
while IFS=, read -r login name; do
	grep -qF -- "$name" "$SCR" && shown=$((shown + 1))
done <"$SCRATCH/members.csv"
want=$MEMBERS
[ "$want" -gt 23 ] && want=23
[ "$shown" -ge "$want" ] && ok "the team's members are the rows ($shown of $MEMBERS)" ||
	nok "members shown: $shown of $MEMBERS: $(sed -n 4,28p "$SCR")"
grep -qE '(● office|⌂ home|◆ mobile|– away|→ trip|· not set)' "$SCR" &&
	ok "cells show a location as symbol and word" || nok "no location cell: $(sed -n 5,8p "$SCR")"
case "$(sel_line)" in
*"$LEAD_NAME"*) ok "the lead's own row is selected at first" ;;
*) nok "the selected row is not the lead's: $(sel_line)" ;;
esac
has "$SCR" "In office" "the footer: in office per day"
has "$SCR" "Desks free" "the footer: desks free in the team's zones"
grep -qE "[0-9]+ / $MEMBERS" "$SCR" && ok "the footer counts in office out of the team's $MEMBERS" ||
	nok "footer: $(tail -n 6 "$SCR")"

# s h and s o on the lead's own Monday; the command line and the database agree.
# h alone moves, as on every screen: it changes nothing.
keys h
keys s
wait_for "o office  h home" && ok "s: the status line offers the locations" || nok "s: $(status_text)"
keys h
if wait_for "$LEAD_NAME: home on Mon 23 Nov 2026 (u undoes it)."; then
	ok "h: the status line says the Monday is home"
	eq "$(loc_of "$LEAD" 2026-11-23)" home "h: the database holds home for the Monday"
	run presence show --person "$LEAD" --week 2026-W48
	grep -i "23" "$OUT" | grep -qi "home" && ok "h: 'hop presence show' agrees (home)" ||
		nok "h: 'hop presence show': $(head -c 600 "$OUT") $(head -c 300 "$ERR")"
	row_of "$LEAD_NAME" | grep -qF "⌂" && ok "h: the lead's row shows ⌂" || nok "h: row $(row_of "$LEAD_NAME")"
else
	nok "h: $(status_text)"
fi
keys s o
if wait_for "$LEAD_NAME: office on Mon 23 Nov 2026"; then
	ok "o: the status line says the Monday is office"
	eq "$(loc_of "$LEAD" 2026-11-23)" office "o: the database holds office for the Monday"
	run presence show --person "$LEAD" --week 2026-W48
	grep -i "23" "$OUT" | grep -qi "office" && ok "o: 'hop presence show' agrees (office)" ||
		nok "o: 'hop presence show': $(head -c 600 "$OUT") $(head -c 300 "$ERR")"
	row_of "$LEAD_NAME" | grep -qF "● office" && ok "o: the lead's row shows ● office" ||
		nok "o: row $(row_of "$LEAD_NAME")"
else
	nok "o: $(status_text)"
fi

# The lead sets a member's Tuesday: → moves to Tuesday.
if select_name "$MEMBER_NAME"; then
	keys Right
	keys s m
	if wait_for "$MEMBER_NAME: mobile on Tue 24 Nov 2026"; then
		ok "a lead sets a member's Tuesday to mobile"
		eq "$(loc_of "$MEMBER" 2026-11-24)" mobile "the database holds mobile for the member's Tuesday"
	else
		nok "m on $MEMBER's Tuesday: $(status_text)"
	fi
	# b books a desk near the team for that day, and the day becomes office.
	keys b
	if wait_for "for $MEMBER_NAME on Tue 24 Nov 2026"; then
		has "$SCR" "Booked desk" "b: the status line names the desk booked"
		eq "$(desk_of "$MEMBER" 2026-11-24)" 1 "b: the database holds one desk booking for the day"
		eq "$(loc_of "$MEMBER" 2026-11-24)" office "b: the booked day is office"
	else
		nok "b: $(status_text)"
	fi
	# s a (away) would cancel the booking: asked first; n keeps it.
	DESK=$(sql "SELECT d.code FROM booking b JOIN desk d ON d.id = b.desk_id JOIN person x
	            ON x.id = b.person_id WHERE x.login = '$MEMBER' AND b.day = '2026-11-24'
	            AND b.cancelled_at IS NULL")
	keys s a
	if wait_for "cancels desk $DESK."; then
		ok "s a: away on a booked day asks before it cancels the desk"
		keys n
		wait_for "Nothing changed." && ok "n: nothing changed" || nok "n: $(status_text)"
		eq "$(desk_of "$MEMBER" 2026-11-24)" 1 "n: the desk booking stays"
		eq "$(loc_of "$MEMBER" 2026-11-24)" office "n: the day stays office"
	else
		nok "s a asks: $(status_text)"
	fi
	keys s a
	wait_for "n no" || true
	keys y
	if wait_for "$MEMBER_NAME: away on Tue 24 Nov 2026"; then
		eq "$(desk_of "$MEMBER" 2026-11-24)" 0 "y: away cancels the day's desk booking"
	else
		nok "a: $(status_text)"
	fi
	# u puts the day back: office, with the same desk.
	keys u
	if wait_for "$MEMBER_NAME: 1 day is as it was."; then
		eq "$(desk_of "$MEMBER" 2026-11-24)" 1 "u: the desk is booked again"
		eq "$(loc_of "$MEMBER" 2026-11-24)" office "u: the day is office again"
		eq "$(sql "SELECT d.code FROM booking b JOIN desk d ON d.id = b.desk_id JOIN person x
		          ON x.id = b.person_id WHERE x.login = '$MEMBER' AND b.day = '2026-11-24'
		          AND b.cancelled_at IS NULL")" "$DESK" "u: the same desk $DESK"
	else
		nok "u: $(status_text)"
	fi
	keys u
	wait_for "Nothing to undo." && ok "u twice: nothing more to undo" || nok "u twice: $(status_text)"
	# d cancels the day's desk, asked first.
	keys d
	if wait_for "Cancel desk $DESK of $MEMBER_NAME"; then
		keys y
		wait_for "desk $DESK on Tue 24 Nov 2026 cancelled" && ok "d y: the desk is cancelled" ||
			nok "d y: $(status_text)"
		eq "$(desk_of "$MEMBER" 2026-11-24)" 0 "d: no desk booking left"
	else
		nok "d asks: $(status_text)"
	fi
	# v marks Wednesday, l l to Friday, s h: three days home in a few keys.
	WED_BEFORE=$(loc_of "$MEMBER" 2026-11-25)
	keys l v l l s h
	wait_for "n no" && keys y
	if wait_for "$MEMBER_NAME: home on Wed 25 Nov 2026 to Fri 27 Nov 2026"; then
		ok "v l l s h: a span of three days set at once"
		eq "$(loc_of "$MEMBER" 2026-11-25)$(loc_of "$MEMBER" 2026-11-26)$(loc_of "$MEMBER" 2026-11-27)" \
			"homehomehome" "the database holds home for Wednesday to Friday"
	else
		nok "v span: $(status_text)"
	fi
	keys u
	wait_for "3 days are as they were." && ok "u: the span is undone" || nok "u span: $(status_text)"
	eq "$(loc_of "$MEMBER" 2026-11-25)" "$WED_BEFORE" "u: Wednesday's own entry is as it was"
	keys h h h
	# Enter: the details of the cell.
	keys Enter
	if wait_for "other keys close"; then
		has "$SCR" "$MEMBER_NAME · Tue 24 Nov 2026" "Enter: the details name the person and day"
		has "$SCR" "Location" "the details show the location"
		has "$SCR" "set for this day" "the details say where the location comes from"
		has "$SCR" "Presence day" "the details say whether it is a presence day"
		has "$SCR" "Deviations" "the details list deviations"
		keys x
		has "$SCR" "s location  n note  b desk  M move  d cancel desk" "the details offer the day's actions"
		wait_gone "other keys close" && ok "any other key closes the details" || nok "details stay"
	else
		nok "Enter: no details: $(sed -n 8,24p "$SCR")"
	fi
else
	nok "could not select $MEMBER_NAME: $(sed -n 5,25p "$SCR")"
fi

# Weeks forward and back.
keys ']'
wait_for "KW 49 · 30.11.–" && ok "]: the next week, KW 49" || nok "]: $(sed -n 3p "$SCR")"
has "$SCR" "Mon 30.11." "]: Monday 30 November"
has "$SCR" "Fri 04.12." "]: Friday 4 December"
keys '[' '['
wait_for "KW 47 · 16.–20.11.2026" && ok "[ [: two weeks back, KW 47" || nok "[: $(sed -n 3p "$SCR")"
keys t
wait_for "KW 48 · 23.–27.11.2026" && ok "t: back to this week" || nok "t: $(sed -n 3p "$SCR")"

# Help, screens, resizing.
keys '?'
if wait_for "Keys of the Week screen"; then
	has "$SCR" "previous / next week" "the help lists [ and ]"
	has "$SCR" "o office, h home, m mobile" "the help lists the locations of s"
	keys x
	wait_gone "Keys of the Week screen" || nok "closing the help"
else
	nok "?: $(cat "$SCR")"
fi
keys 3
wait_for " people" && ok "3 shows People" || nok "3: $(sed -n 2,4p "$SCR")"
keys 1
wait_for "KW 48 · 23.–27.11.2026" && ok "1 comes back to the Week screen" || nok "1: $(sed -n 3p "$SCR")"
keys Tab
wait_for "Afternoon" && ok "Tab goes on to Desks" || nok "Tab: $(sed -n 2,4p "$SCR")"
keys BTab
wait_for "KW 48 · 23.–27.11.2026" && ok "Shift-Tab comes back to Week" || nok "BTab: $(sed -n 3p "$SCR")"
tm resize-window -t hop -x 70 -y 20
if wait_for "In office" && grep -q "KW 48 · 23." "$SCR" && ! grep -q "too small" "$SCR"; then
	ok "at 70×20 the grid is drawn anew"
	[ -n "$(sel_line)" ] && ok "at 70×20 the selection stays in view" || nok "no selection at 70×20"
else
	nok "at 70×20: $(cat "$SCR")"
fi
tm resize-window -t hop -x 100 -y 30
wait_for "Desks free" || nok "back at 100×30: $(cat "$SCR")"
keys q
expect_exit_clean "100×30: q"

# A plain employee may not set a colleague's day: core's refusal, word for word.
if [ -n "$OUTSIDER" ]; then
	MATE=$(sql "SELECT p.login FROM person p WHERE p.team_id = (SELECT team_id FROM person
		WHERE login = '$OUTSIDER') AND p.login <> '$OUTSIDER' AND p.end_date IS NULL
		ORDER BY p.login LIMIT 1")
	MATE_NAME=$(sql "SELECT name FROM person WHERE login = '$MATE'")
	before=$(sql "SELECT * FROM presence ORDER BY person_id, day; SELECT count(*) FROM audit;")
	HOP_USER=$OUTSIDER "$HOP" presence set 2026-11-23 home --for "$MATE" >"$OUT" 2>"$ERR"
	refusal=$(sed -n 's/^hop: //p' "$ERR" | head -1 | cut -c1-40)
	[ -n "$refusal" ] && ok "'hop presence set --for $MATE' by $OUTSIDER is refused" ||
		nok "'hop presence set --for' by $OUTSIDER: $(cat "$OUT" "$ERR")"
	start 100 30 "$OUTSIDER"
	wait_for "KW 48 · 23." || nok "starts as $OUTSIDER"
	keys T
	if wait_for "You see your own team"; then
		ok "T: a plain employee sees their own team only"
	else
		nok "T as employee: $(status_text)"
		keys Escape
	fi
	if select_name "$MATE_NAME"; then
		keys s
		if [ -n "$refusal" ] && wait_for "$refusal"; then
			ok "s on a colleague's day: core's refusal in the status line, before any choice"
			tm capture-pane -p -e -t hop | tail -n 3 >"$SCRATCH/status.esc"
			has "$SCRATCH/status.esc" "[41m" "the refusal is in the error colour"
		else
			nok "h on $MATE's day as $OUTSIDER: '$refusal' not in: $(status_text)"
		fi
	else
		nok "could not select $MATE_NAME as $OUTSIDER"
	fi
	keys q
	expect_exit_clean "as $OUTSIDER"
	eq "$(sql "SELECT * FROM presence ORDER BY person_id, day; SELECT count(*) FROM audit;")" \
		"$before" "the employee's refused changes changed nothing"
fi

# ---- admin: the team chooser ----
OTHER_TEAM=$(sed -n 's/^\([^,]*\),.*/\1/p' "$SCRATCH/teams.csv" | grep -vxF "$TEAM" | head -1)
start 100 30 tester
wait_for "KW 48" || nok "starts as tester"
keys T
if wait_for "Type to narrow"; then
	ok "T: the admin chooses among the teams"
	text "$OTHER_TEAM"
	keys Enter
	if wait_gone "Type to narrow" && wait_for "$OTHER_TEAM ·"; then
		ok "T: the chosen team's week is shown ($OTHER_TEAM)"
		# The members that week by their memberships: not a new hire who starts later.
		n=$(sql "SELECT count(DISTINCT m.person_id) FROM membership m JOIN team t
			ON t.id = m.team_id JOIN person p ON p.id = m.person_id
			WHERE t.name = '$OTHER_TEAM' AND m.kind <> 'acting'
			AND m.start_on <= '2026-11-29' AND (m.end_on IS NULL OR m.end_on >= '2026-11-23')
			AND (p.end_date IS NULL OR p.end_date >= '$HOP_TODAY')")
		name=$(sql "SELECT p.name FROM person p JOIN team t ON t.id = p.team_id
			WHERE t.name = '$OTHER_TEAM' AND p.end_date IS NULL ORDER BY p.id LIMIT 1")
		has "$SCR" "$name" "T: a member of $OTHER_TEAM is a row"
		grep -qE "[0-9]+ / $n" "$SCR" && ok "T: the footer counts the team's $n" ||
			nok "T: footer $(tail -n 6 "$SCR")"
	else
		nok "T: choosing $OTHER_TEAM: $(head -c 900 "$SCR")"
	fi
else
	nok "T as admin: $(status_text)"
fi
keys q
expect_exit_clean "admin: q"

# ---- 200×60 ----
start 200 60 "$LEAD"
if wait_for "KW 48 · 23.–27.11.2026"; then
	shown=0
	while IFS=, read -r login name; do
		grep -qF -- "$name" "$SCR" && shown=$((shown + 1))
	done <"$SCRATCH/members.csv"
	eq "$shown" "$MEMBERS" "200×60: every member is a row"
	grep -qF "● office" "$SCR" && ok "200×60: the lead's office day is shown" || nok "200×60: $(sed -n 5,9p "$SCR")"
	has "$SCR" "Desks free" "200×60: the footer"
else
	nok "200×60: $(head -c 600 "$SCR")"
fi
keys q
expect_exit_clean "200×60: q"

# ---- without colour: symbols and reverse video carry the states ----
start 100 30 "$LEAD" NO_COLOR=1
if wait_for "KW 48 · 23.–27.11.2026"; then
	tm capture-pane -p -e -t hop >"$SCRATCH/esc"
	eq "$(colour_codes "$SCRATCH/esc")" 0 "NO_COLOR=1: no colour at all"
	has "$SCRATCH/esc" "[7m" "NO_COLOR=1: the selected cell in reverse video"
	grep -qF "● office" "$SCR" && ok "NO_COLOR=1: locations told by symbol and word" ||
		nok "NO_COLOR=1: $(sed -n 5,9p "$SCR")"
else
	nok "NO_COLOR=1: $(head -c 600 "$SCR")"
fi
keys q
expect_exit_clean "NO_COLOR=1: q"

# ---- across the year boundary: KW 52 with Christmas, KW 53, KW 1 of 2027 ----
HOP_TODAY=2026-12-21
start 100 30 "$LEAD"
if wait_for "KW 52 · 21.–25.12.2026"; then
	ok "on 21 December 2026: KW 52 · 21.–25.12.2026"
	has "$SCR" "✕ Fri 25.12." "Christmas Day: the column heading is marked ✕"
	has "$SCR" "public holiday" "Christmas Day: the column says it is a public holiday"
	keys ']'
	if wait_for "KW 53 · 28.12.2026–01.01.2027"; then
		ok "]: KW 53 · 28.12.2026–01.01.2027"
		has "$SCR" "✕ Fri 01.01." "New Year's Day is marked ✕"
	else
		nok "]: KW 53: $(sed -n 3p "$SCR")"
	fi
	keys ']'
	wait_for "KW 1 · 04.–08.01.2027" && ok "]: KW 1 · 04.–08.01.2027" || nok "]: KW 1: $(sed -n 3p "$SCR")"
	keys '[' '['
	wait_for "KW 52 · 21." && ok "[ [: back across the year to KW 52" || nok "[ [: $(sed -n 3p "$SCR")"
	# Setting a location on a holiday is refused in core's words.
	before=$(sql "SELECT * FROM presence ORDER BY person_id, day")
	keys End Home Right Right Right Right o
	if wait_for "public holiday"; then
		status_text | grep -q "not a working day" && ok "o on Christmas Day: core's refusal" ||
			nok "o on Christmas Day: $(status_text)"
	else
		nok "o on Christmas Day: $(status_text)"
	fi
	eq "$(sql "SELECT * FROM presence ORDER BY person_id, day")" "$before" \
		"the refused change on a holiday changed nothing"
else
	nok "on 2026-12-21: $(sed -n 1,4p "$SCR")"
fi
keys q
expect_exit_clean "year boundary: q"
HOP_TODAY=2026-11-23

# ---- German ----
if locale -a 2>/dev/null | grep -qiE '^de_DE\.utf-?8$'; then
	start 100 30 "$LEAD" LC_ALL=de_DE.UTF-8 LANGUAGE=de
	wait_for "KW 48"
	if ! grep -q "Mo 23.11.2026" "$SCR"; then
		skip "German: no German catalogue here (HOPLOCALEDIR=$HOPLOCALEDIR)"
	elif wait_for "KW 48 · 23.–27.11.2026"; then
		ok "German: KW 48 · 23.–27.11.2026"
		has "$SCR" "1 Woche" "German: the tab is Woche"
		has "$SCR" "Mo 23.11." "German: the Monday as Mo 23.11."
		has "$SCR" "Fr 27.11." "German: the Friday as Fr 27.11."
		grep -qF "$LEAD_NAME" "$SCR" && ok "German: names with their umlauts" || nok "German: names"
		keys ']'
		wait_for "KW 49" && ok "German: ] goes to KW 49" || nok "German: ]: $(sed -n 3p "$SCR")"
	else
		nok "German: $(sed -n 1,4p "$SCR")"
	fi
	keys q
	expect_exit_clean "German"
else
	skip "German locale: de_DE.UTF-8 is not installed (locale -a)"
fi

finish
