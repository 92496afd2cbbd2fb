#!/bin/sh
# Six hop processes race for the same desks on the same days, some booking for
# the same people.  Whoever wins, the invariants hold: no desk and no person is
# ever double-booked, every process either booked or was told, cleanly, who
# has it — never "database is locked".
. "$(dirname "$0")/lib.sh"

expect_ok "init" init --name "Tess Ter"
expect_ok "team" team add "Referat 11"
for i in 1 2 3 4; do
	expect_ok "person u$i" person add "u$i" --name "Person $i" --team "Referat 11"
done
expect_ok "facilities f1" person add f1 --name "Fac Eins" --roles employee,facilities
expect_ok "facilities f2" person add f2 --name "Fac Zwei" --roles employee,facilities
expect_ok "site" site add Haus
expect_ok "zone" zone add Haus "3. OG" "Süd" --level 3 --team "Referat 11"
for d in D1 D2 D3 D4; do
	expect_ok "desk $d" desk add "$d" --zone Süd
done

DAYS="2026-11-24 2026-11-25 2026-11-26"
RACE="$SCRATCH/race"
mkdir -p "$RACE"

# One racer: books each (day, desk) in turn as one person, recording the exit
# status and stderr of every attempt.  $1 name, $2 user, $3 desks, $4 --for.
racer() {
	n=0
	for day in $DAYS; do
		for desk in $3; do
			n=$((n + 1))
			if [ -n "$4" ]; then
				HOP_USER=$2 "$HOP" book "$day" "$desk" --for "$4" \
					>"$RACE/$1.$n.out" 2>"$RACE/$1.$n.err"
			else
				HOP_USER=$2 "$HOP" book "$day" "$desk" >"$RACE/$1.$n.out" 2>"$RACE/$1.$n.err"
			fi
			echo $? >"$RACE/$1.$n.rc"
		done
	done
}

# Four people want one of D1..D3 each day, in different orders; two facilities
# people book D4 for u1 and u2, who may hold a desk by then.
racer r1 u1 "D1 D2 D3" "" &
racer r2 u2 "D2 D3 D1" "" &
racer r3 u3 "D3 D1 D2" "" &
racer r4 u4 "D1 D3 D2" "" &
racer r5 f1 "D4 D1" u1 &
racer r6 f2 "D4 D2" u2 &
wait

attempts=$(ls "$RACE"/*.rc | wc -l | tr -d ' ')
eq "$attempts" "48" "every attempt ran (6 racers, 48 bookings)"

# No desk, no person double-booked among active bookings.
eq "$(sql "SELECT count(*) FROM (SELECT desk_id, day FROM booking WHERE cancelled_at IS NULL AND am = 1 GROUP BY desk_id, day HAVING count(*) > 1) AS x")" \
	"0" "no desk is booked twice in a morning"
eq "$(sql "SELECT count(*) FROM (SELECT desk_id, day FROM booking WHERE cancelled_at IS NULL AND pm = 1 GROUP BY desk_id, day HAVING count(*) > 1) AS x")" \
	"0" "no desk is booked twice in an afternoon"
eq "$(sql "SELECT count(*) FROM (SELECT person_id, day FROM booking WHERE cancelled_at IS NULL AND is_room = 0 AND am = 1 GROUP BY person_id, day HAVING count(*) > 1) AS x")" \
	"0" "nobody holds two desks in a morning"
eq "$(sql "SELECT count(*) FROM (SELECT person_id, day FROM booking WHERE cancelled_at IS NULL AND is_room = 0 AND pm = 1 GROUP BY person_id, day HAVING count(*) > 1) AS x")" \
	"0" "nobody holds two desks in an afternoon"

# Every attempt: booked (0, nothing on stderr) or refused as a conflict (5)
# with a message that explains it.
bad_rc=0 bad_msg=0 locked=0 won=0
for rc in "$RACE"/*.rc; do
	base=${rc%.rc}
	case $(cat "$rc") in
	0) won=$((won + 1)); [ -s "$base.err" ] && bad_msg=$((bad_msg + 1)) ;;
	5) grep -q "already booked" "$base.err" || { bad_msg=$((bad_msg + 1)); cat "$base.err"; } ;;
	*) bad_rc=$((bad_rc + 1)); cat "$base.err" ;;
	esac
	if grep -qiE "locked|busy" "$base.err"; then locked=$((locked + 1)); fi
done
eq "$bad_rc" "0" "every process exited 0 or 5 (conflict)"
eq "$bad_msg" "0" "every refusal says 'already booked'; every success is silent on stderr"
eq "$locked" "0" "no message says 'locked' or 'busy'"
eq "$(sql "SELECT count(*) FROM booking WHERE cancelled_at IS NULL")" "$won" \
	"one booking per successful process, no more"
eq "$(sql "SELECT count(*) FROM audit WHERE action = 'booking.add'")" "$won" \
	"one audit entry per booking"
# D1..D3 are tried by four people a day, each wanting one: all three are
# taken every day, whoever won them.
eq "$(sql "SELECT count(*) FROM booking b JOIN desk d ON d.id = b.desk_id WHERE d.code IN ('D1','D2','D3') AND cancelled_at IS NULL")" \
	"9" "D1..D3 are booked on each of the three days"

finish
