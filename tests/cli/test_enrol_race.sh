#!/bin/sh
# Eight hop processes enrol thirty people at once into a session of twenty
# seats.  Whoever wins, exactly twenty hold a seat and ten wait, every
# process finished cleanly (never "database is locked"), and the waitlist
# has each of the ten once, in the order they came.
. "$(dirname "$0")/lib.sh"

expect_ok "init" init --name "Tess Ter"
expect_ok "team" team add "Referat 11"
expect_ok "site" site add Haus
expect_ok "zone" zone add Haus "1. OG" Nord --team "Referat 11"
expect_ok "room" room add R1 --zone Nord --kind meeting-room --capacity 30
expect_ok "course" course add DS --title "Datenschutz" --hours 3
i=1
while [ $i -le 30 ]; do
	"$HOP" person add "p$i" --name "Person $i" --team "Referat 11" >/dev/null 2>&1 || nok "person p$i"
	i=$((i + 1))
done
expect_ok "session of 20 seats" session add DS --start "2026-11-25 09:00" --capacity 20 --room R1
S=$(cat "$OUT")

RACE="$SCRATCH/race"
mkdir -p "$RACE"
# Racer r enrols the people p(r), p(r+8), p(r+16), ... as the admin.
racer() {
	j=$1
	while [ "$j" -le 30 ]; do
		"$HOP" enrol "$S" --for "p$j" >"$RACE/$j.out" 2>"$RACE/$j.err"
		echo $? >"$RACE/$j.rc"
		j=$((j + 8))
	done
}
for r in 1 2 3 4 5 6 7 8; do
	racer "$r" &
done
wait

fails=0
i=1
while [ $i -le 30 ]; do
	[ "$(cat "$RACE/$i.rc" 2>/dev/null)" = 0 ] || fails=$((fails + 1))
	i=$((i + 1))
done
eq "$fails" 0 "every one of the 30 enrolments finished with exit 0"
eq "$(cat "$RACE"/*.err | grep -c 'locked\|busy')" 0 "no process saw a locked database"
eq "$(sql "SELECT count(*) FROM enrolment WHERE session_id = $S AND state = 'booked'")" 20 "exactly 20 booked"
eq "$(sql "SELECT count(*) FROM enrolment WHERE session_id = $S AND state = 'waitlisted'")" 10 "exactly 10 waitlisted"
eq "$(grep -l 'has a seat' "$RACE"/*.out | wc -l | tr -d ' ')" 20 "twenty were told they have a seat"
eq "$(grep -l 'on the waitlist' "$RACE"/*.out | wc -l | tr -d ' ')" 10 "ten were told they wait"
# The places 1..10 each told once.
eq "$(cat "$RACE"/*.out | sed -n 's/.* is number \([0-9]*\) on the waitlist\./\1/p' | sort -n | tr '\n' ' ')" \
	"1 2 3 4 5 6 7 8 9 10 " "the waitlist places 1 to 10, each once"
# Every booked seat came before every waiting place.
eq "$(sql "SELECT count(*) FROM enrolment w, enrolment b WHERE w.session_id = $S AND b.session_id = $S AND w.state = 'waitlisted' AND b.state = 'booked' AND b.id > w.id")" \
	0 "first come, first served: no later enrolment holds a seat before an earlier one waits"
# A cancellation promotes the first waiting, still never more than 20.
first=$(sql "SELECT p.login FROM enrolment e JOIN person p ON p.id = e.person_id WHERE e.session_id = $S AND e.state = 'waitlisted' ORDER BY e.queued_at, e.id LIMIT 1")
gone=$(sql "SELECT p.login FROM enrolment e JOIN person p ON p.id = e.person_id WHERE e.session_id = $S AND e.state = 'booked' LIMIT 1")
expect_ok "one cancels" enrol --cancel "$S" --for "$gone"
has "$OUT" "moves up from the waitlist" "the first waiting moves up"
eq "$(sql "SELECT e.state FROM enrolment e JOIN person p ON p.id = e.person_id WHERE e.session_id = $S AND p.login = '$first' AND e.state <> 'cancelled'")" \
	"booked" "it is the first on the waitlist ($first)"
eq "$(sql "SELECT count(*) FROM enrolment WHERE session_id = $S AND state = 'booked'")" 20 "still 20 booked"
finish
