#!/bin/sh
# Bench section of the training sessions: 8 processes (BENCH_RACERS) enrol 30
# people (BENCH_ENROL_PEOPLE) into one session of 20 seats at once, against
# the baseline of the same 30 enrolments one after the other into another
# session of 20 seats, in the same run and database.  Budget: never more
# than 20 booked, exactly the rest waitlisted, every run clean, and the race
# takes at most 1.5 times the sequential run's wall time (SQLite serialises
# the writers; running them side by side must not cost more than that).
#
# Called by run.sh with BENCH_DB (the 20,000-person organisation, acting as
# HOP_USER); alone, it makes a demo organisation of 200 people first.
# Prints its lines and exits 1 when the budget is missed.
set -u
cd "$(dirname "$0")/../.."
BUILD=${BUILD:-build}
HOP="$PWD/$BUILD/hop"
RACERS=${BENCH_RACERS:-8}
N=${BENCH_ENROL_PEOPLE:-30}
SEATS=20
S=$(mktemp -d "${TMPDIR:-/tmp}/hop-bench-enrol.XXXXXX")
trap 'rm -rf "$S"' EXIT
export HOP_TODAY=${HOP_TODAY:-2026-11-23}
export LC_ALL=C
if [ -n "${BENCH_DB:-}" ]; then
	export HOP_DB="$BENCH_DB"
else
	export HOP_DB="$S/enrol.db" HOP_USER=benchadmin
	: > "$S/hop.ini"
	export HOP_CONFIG="$S/hop.ini"
	"$HOP" init --people 200 --name "Bench Admin" >/dev/null 2>&1 ||
		{ echo "bench enrol: hop init failed" >&2; exit 1; }
fi
now_ns() { date +%s%N; }
q() { sqlite3 -readonly "$HOP_DB" "$1"; }

"$HOP" course add BENCHRACE --title "Bench: Einweisung" --hours 2 >/dev/null 2>"$S/err" ||
	{ echo "bench enrol: course add: $(cat "$S/err")" >&2; exit 1; }
seq_id=$("$HOP" session add BENCHRACE --start "2026-12-02 09:00" --capacity $SEATS --location "Bench" 2>"$S/err")
race_id=$("$HOP" session add BENCHRACE --start "2026-12-03 09:00" --capacity $SEATS --location "Bench" 2>"$S/err")
[ -n "$seq_id" ] && [ -n "$race_id" ] || { echo "bench enrol: session add: $(cat "$S/err")" >&2; exit 1; }
q "SELECT login FROM person WHERE end_date IS NULL AND login <> '$HOP_USER' ORDER BY id LIMIT $N" > "$S/people"

# The baseline: one process after the other.
t0=$(now_ns)
while read -r login; do
	"$HOP" enrol "$seq_id" --for "$login" >/dev/null 2>>"$S/seq.err"
done < "$S/people"
seq_ms=$(( ($(now_ns) - t0) / 1000000 ))

# The race: racer r takes every RACERS-th person from r on.
racer() {
	awk -v r="$1" -v k="$RACERS" 'NR % k == r % k' "$S/people" | while read -r login; do
		"$HOP" enrol "$race_id" --for "$login" >/dev/null 2>>"$S/race.$1.err"
		echo $? >> "$S/race.$1.rc"
	done
}
t0=$(now_ns)
i=1
while [ $i -le "$RACERS" ]; do racer $i & i=$((i + 1)); done
wait
race_ms=$(( ($(now_ns) - t0) / 1000000 ))

booked=$(q "SELECT count(*) FROM enrolment WHERE session_id = $race_id AND state = 'booked'")
waiting=$(q "SELECT count(*) FROM enrolment WHERE session_id = $race_id AND state = 'waitlisted'")
bad=$(cat "$S"/race.*.rc | grep -cv '^0$')
want_wait=$((N > SEATS ? N - SEATS : 0))
want_booked=$((N > SEATS ? SEATS : N))
ok=1
[ "$booked" = "$want_booked" ] && [ "$waiting" = "$want_wait" ] && [ "$bad" = 0 ] || ok=0
awk -v r="$race_ms" -v s="$seq_ms" 'BEGIN { exit !(r <= 1.5 * s) }' || ok=0
printf '%-34s %-18s %-32s %-16s %s\n' "enrol race, $RACERS processes, $N people" "${race_ms} ms" \
	"one at a time ${seq_ms} ms" "<= 1.5x, 0 over" "$([ $ok = 1 ] && echo PASS || echo FAIL)"
echo "enrol: $RACERS processes enrolled $N people into $SEATS seats: $booked booked, $waiting waitlisted," \
	"$bad runs failed; $(awk -v n="$N" -v m="$race_ms" 'BEGIN { printf "%.0f", n * 1000 / m }') enrolments/s" \
	"against $(awk -v n="$N" -v m="$seq_ms" 'BEGIN { printf "%.0f", n * 1000 / m }')/s one at a time."
[ "$ok" = 1 ]
