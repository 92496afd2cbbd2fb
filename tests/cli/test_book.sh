#!/bin/sh
# hop book, cancel, bookings, who, free through the binary: what a person sees,
# and that a refused booking leaves the database as it was.
. "$(dirname "$0")/lib.sh"

as() { u=$1; shift; HOP_USER=$u run "$@"; }
as_ok() { d=$1 u=$2; shift 2; HOP_USER=$u run "$@"
	if [ "$RC" -eq 0 ]; then ok "$d"; else nok "$d (exit $RC: $(head -c 400 "$ERR"))"; fi; }
as_fail() { d=$1 want=$2 u=$3; shift 3; HOP_USER=$u run "$@"
	if [ "$RC" = "$want" ]; then ok "$d"; else nok "$d (exit $RC, wanted $want; stderr: $(head -c 400 "$ERR"))"; fi; }
dump() { sql "SELECT id, desk_id, person_id, day, am, pm, sequence, cancelled_at FROM booking ORDER BY id"; }

# An organisation: two teams, a site with two zones, desks, a fixed desk, a room.
expect_ok "init" init --name "Tess Ter"
expect_ok "team" team add "Referat 11"
expect_ok "team 2" team add "Referat 12"
expect_ok "lead" person add lena --name "Lena Lorenz" --team "Referat 11" --roles employee,lead
expect_ok "lead of team" team edit "Referat 11" --lead lena
expect_ok "anna" person add anna --name "Anna Berg" --team "Referat 11"
expect_ok "bernd" person add bernd --name "Bernd Weiß" --team "Referat 11"
expect_ok "carl" person add carl --name "Carl Öztürk" --team "Referat 12"
expect_ok "site" site add "Haus"
expect_ok "zone Süd" zone add Haus "3. OG" "Süd" --level 3 --team "Referat 11"
expect_ok "zone Ost" zone add Haus "4. OG" "Ost" --level 4
expect_ok "desk S1" desk add S1 --zone Süd
expect_ok "desk S2" desk add S2 --zone Süd --attr monitor
expect_ok "desk S10" desk add S10 --zone Süd
expect_ok "desk O1" desk add O1 --zone Ost --attr quiet
expect_ok "fixed desk F1" desk add F1 --zone Ost --owner carl
expect_ok "room R8" room add R8 --zone Ost --kind meeting-room --capacity 8 --name Spree

# --- booking ---
as_ok "anna books S1" anna book 2026-11-24 S1
eq "$(cat "$OUT")" "Booked desk S1 (Haus, 3. OG, Süd) for Anna Berg on Tue 24 Nov 2026, all day." \
	"the booking in one sentence"
before=$(dump)
as_fail "bernd: S1 is taken" 5 bernd book 24.11.2026 S1 --am
has "$ERR" "hop: desk S1 is already booked by Anna Berg on Tue 24 Nov 2026 (AM)" "who has it and when"
as_fail "carl: S1 is taken" 5 carl book 2026-11-24 S1
has "$ERR" "desk S1 is already booked on Tue 24 Nov 2026 (all day)" "another team: no name"
hasnt "$ERR" "Anna" "the name is hidden from another team"
as_fail "anna: a second desk" 5 anna book 2026-11-24 S2 --pm
has "$ERR" "you have already booked desk S1 on Tue 24 Nov 2026 (PM)" "one desk per person"
as_fail "weekend" 1 anna book 2026-11-28 S2
has "$ERR" "Sat 28 Nov 2026 is a Saturday, not a working day" "weekend explained"
as_fail "past" 1 anna book 2026-11-20 S2
has "$ERR" "Fri 20 Nov 2026 is in the past" "past explained"
as_fail "horizon" 1 anna book 2027-01-20 S2
has "$ERR" "beyond the booking horizon: desks can be booked 28 days ahead, until Mon 21 Dec 2026" \
	"horizon explained"
as_fail "for someone else" 4 anna book 2026-11-25 S2 --for bernd
has "$ERR" "only for yourself" "employees book for themselves"
as_fail "unknown desk" 3 anna book 2026-11-25 X9
has "$ERR" "there is no desk or room 'X9'" "unknown desk named"
as_fail "room too small" 1 anna book 2026-11-25 R8 --people 9
has "$ERR" "meeting room R8 holds 8 people, not 9" "capacity explained"
eq "$(dump)" "$before" "refusals changed nothing"

as_ok "lead books for a member" lena book 2026-11-25 S2 --for bernd --am
has "$OUT" "for Bernd Weiß on Wed 25 Nov 2026, in the morning." "for whom, and the half"
as_fail "lead for another team" 4 lena book 2026-11-25 S10 --for carl
as_ok "tester (admin) books for carl" tester book 2026-11-25 S10 --for carl --pm
as_ok "room for a group" anna book 2026-11-25 R8 --people 6 --note "Planung Q1"
has "$OUT" "Booked meeting room R8 Spree (Haus, 4. OG, Ost) for Anna Berg" "room sentence"
has "$OUT" "a group of 6" "the group's size"

# --any: the team's zone first, attributes, a clear refusal naming the filters.
as_ok "any" bernd book 2026-11-26 --any
has "$OUT" "desk S2 " "bernd gets his last desk again (team zone, fewest moves)"
as_ok "any quiet" anna book 2026-11-26 --any --attr quiet
has "$OUT" "desk O1 " "the quiet desk"
as_fail "any: nothing matches" 5 carl book 2026-11-26 --any --attr quiet --zone Ost
has "$ERR" "no free desk on Thu 26 Nov 2026 (all day) matches: zone Ost, with quiet" \
	"the refusal names the filters"
as_fail "usage: DESK and --any" 2 anna book 2026-11-27 S1 --any
as_fail "usage: --every without --until" 2 anna book 2026-11-27 S1 --every mon
as_fail "usage: no date" 2 anna book
as_fail "bad weekday" 1 anna book 2026-11-27 S1 --every mon,mox --until 2026-12-04
has "$ERR" "'mox' is not a weekday" "the bad weekday named"

# A series with one date taken: one line per date, a summary, exit 5.
as_ok "carl takes Mon 30 Nov" carl book 2026-11-30 S10
as_fail "series" 5 anna book 2026-11-27 S10 --every mon,fri,sat --until 2026-12-04
has "$OUT" "Fri 27 Nov 2026: booked desk S10" "a booked date"
has "$OUT" "Sat 28 Nov 2026: not booked: Sat 28 Nov 2026 is a Saturday, not a working day" \
	"a Saturday in the chosen days is reported"
has "$OUT" "Mon 30 Nov 2026: not booked: desk S10 is already booked on Mon 30 Nov 2026 (all day)" \
	"a taken date says why"
has "$OUT" "Booked 2 of 4 days." "the summary"
has "$ERR" "2 days of the series were not booked" "stderr says some were not"
hasnt "$OUT" "Sun 29" "Sundays were not asked for"
as_ok "series, all booked" bernd book 2026-12-07 S2 --every Mo,Di --until 2026-12-08
has "$OUT" "Booked 2 of 2 days." "all booked: exit 0"

# --- listing ---
as_ok "who" tester who 2026-11-24
has "$OUT" "Anna Berg" "who shows the booker to an admin"
as_ok "who csv" tester who 2026-11-25 --format csv
eq "$(sed -n 1p "$OUT" | tr -d '\r')" "name,login,team,half,place,kind,site,floor,zone" "who csv header"
has "$OUT" "Bernd Weiß,bernd,Referat 11,am,S2,desk,Haus,3. OG,Süd" "who csv row"
as_ok "who as carl" carl who 2026-11-24
has "$OUT" "(booked)" "others see 'booked'"
hasnt "$OUT" "Anna" "... and not the name"
as_ok "who --team as an outsider" carl who 2026-11-24 --team "Referat 11"
hasnt "$OUT" "(booked)" "asked for another team, hidden bookers are left out (their desks would tell where that team sits)"
as_ok "who --team" tester who 2026-11-25 --team "Referat 12" --format csv
has "$OUT" "Carl Öztürk,carl,Referat 12,pm,S10" "who of a team"
hasnt "$OUT" "Bernd" "only that team"
as_ok "free" anna free 2026-11-24 --format csv
has "$OUT" "S2,desk" "free: S2"
hasnt "$OUT" "S1," "free: not S1"
has "$OUT" "F1,desk,,Haus,4. OG,Ost,,1,Carl Öztürk" "a fixed desk shows its owner"
as_ok "free --rooms --am" anna free 2026-11-25 --rooms --am --format csv
eq "$(sed 1d "$OUT" | wc -l | tr -d ' ')" "0" "the room is taken that morning"
as_ok "free --zone --attr" anna free 2026-11-24 --zone Süd --attr monitor --format csv
eq "$(sed 1d "$OUT" | cut -d, -f1 | tr '\n' ' ')" "S2 " "free in a zone with an attribute"
as_fail "free on a Sunday" 1 anna free 2026-11-29
as_ok "bookings (mine)" anna bookings --format csv
eq "$(sed -n 1p "$OUT" | tr -d '\r')" "day,half,place,kind,site,floor,zone,login,name,team,attendees,note,status" \
	"bookings csv header"
has "$OUT" "2026-11-25,day,R8,meeting-room,Haus,4. OG,Ost,anna,Anna Berg,Referat 11,6,Planung Q1,active" \
	"a room booking with its group and note"
as_ok "bookings --desk" tester bookings --desk S10 --format csv
has "$OUT" "2026-11-30,day,S10,desk,Haus,3. OG,Süd,carl" "bookings of a desk"
as_fail "bookings: two choices" 2 anna bookings --mine --desk S1

# --- cancelling ---
as_ok "cancel the morning" bernd cancel 2026-11-26 --am
has "$OUT" "Cancelled 1 booking of Bernd Weiß on Thu 26 Nov 2026 (AM)." "cancel says what"
eq "$(sql "SELECT am, pm, sequence, CAST(cancelled_at IS NULL AS integer) FROM booking b JOIN person p ON p.id = b.person_id WHERE p.login = 'bernd' AND day = '2026-11-26'")" \
	"0|1|1|1" "the afternoon stays, sequence 1"
as_ok "carl books the freed morning" carl book 2026-11-26 S1 --am
# Cancelling the day when only its afternoon is booked: no "(all day)".
as_ok "bernd cancels the rest of his day" bernd cancel 2026-11-26
eq "$(cat "$OUT")" "Cancelled 1 booking of Bernd Weiß on Thu 26 Nov 2026." "the day, without a half it never had"
as_ok "bernd books the afternoon again" bernd book 2026-11-26 S1 --pm
as_fail "cancel nothing" 3 bernd cancel 2026-11-27
has "$ERR" "you have no booking on Fri 27 Nov 2026 (all day)" "nothing to cancel, said so"
as_fail "cancel for someone else" 4 bernd cancel 2026-11-24 --for anna
as_ok "cancel a stretch" anna cancel --from 2026-11-24 --to 2026-11-27
has "$OUT" "Cancelled 4 bookings of Anna Berg from Tue 24 Nov 2026 to Fri 27 Nov 2026." \
	"the stretch is reported"
eq "$(sql "SELECT count(*) FROM booking b JOIN person p ON p.id = b.person_id WHERE p.login = 'anna' AND cancelled_at IS NULL AND day <= '2026-11-27'")" \
	"0" "every booking of the stretch is cancelled"
as_ok "cancel an empty stretch" anna cancel --from 2026-11-24 --to 2026-11-27
has "$OUT" "nothing to cancel" "an empty stretch is fine"
as_fail "cancel: --am with a stretch" 2 anna cancel --from 2026-11-24 --to 2026-11-27 --am

# --- the audit log ---
as_ok "log" tester log --limit 0 --format csv
has "$OUT" "booking.add" "bookings are in the audit log"
has "$OUT" "booking.cancel" "cancellations are in the audit log"
has "$OUT" "desk S1, 2026-11-24, all day, anna (Anna Berg)" "the audit detail names desk, day, half, person"

finish
