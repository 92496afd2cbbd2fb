#!/bin/sh
# hop on PostgreSQL, on a throwaway cluster of its own (tests/cli/pg_lib.sh):
# the driver's unit test against the server, then the first commands of an
# organisation through the binary (init, person, team, site, zone, desk, book,
# cancel, week, whoami), eight processes racing for one desk, with no
# double booking, and an import of people.  Exit 77, saying why, when
# PostgreSQL is not installed.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/pg_lib.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD_DIR="$ROOT/${BUILD:-build}"

if ! pg_start; then
	finish
	exit 77
fi

# --- the driver against the server (test_db_pg skips these without it), in a
# database of its own ---
if [ -x "$BUILD_DIR/tests/test_db_pg" ]; then
	"$PG_BIN/createdb" -h "$PG_DIR" -U hop driver
	if HOP_TEST_PG_URL="postgresql://hop@/driver?host=$PG_DIR" \
		"$BUILD_DIR/tests/test_db_pg" >"$OUT" 2>&1 &&
		! grep -q SKIPPED "$OUT"; then
		ok "test_db_pg on the server: constraints, savepoints, interleaved reads, mark, one writer"
	else
		nok "test_db_pg on the server: $(grep -E 'FAIL|ERROR|SKIPPED' "$OUT" | head -10)"
	fi
else
	skip "test_db_pg is not built in $BUILD_DIR"
fi

# --- the first commands, once hop has its PostgreSQL schema ---
if ! ls "$ROOT"/db/postgresql/0001_*.sql >/dev/null 2>&1; then
	echo "skip: this hop has no PostgreSQL schema yet (db/postgresql/), so the commands cannot run"
	skip "commands on PostgreSQL"
	finish
	exit 0
fi
export HOP_DB="$PG_URL"
expect_fail "an empty database holds no organisation" 3 person list
has "$ERR" "hop: no database at PostgreSQL dbname=hop host=$PG_DIR user=hop; create one with 'hop init'" \
	"as SQLite says of a missing file, the database named as whoami names it"
expect_ok "init on PostgreSQL" init --name "Tess Ter"
has "$OUT" "Created PostgreSQL dbname=hop" "init names the database, not the URL"
expect_fail "a second init is refused" 5 init --name "Tess Ter"
has "$ERR" "already holds a hop organisation" "and says the database holds one"
expect_fail "init --force does not empty a database on the server" 5 init --force
has "$ERR" "hop does not empty a PostgreSQL database" "and says so"
expect_ok "team" team add "Referat 11"
expect_ok "anna" person add anna --name "Anna Berg" --team "Referat 11"
expect_ok "bernd" person add bernd --name "Bernd Weiß" --team "Referat 11"
expect_ok "site" site add "Haus"
expect_ok "zone" zone add Haus "3. OG" "Süd" --level 3 --team "Referat 11"
expect_ok "desk S1" desk add S1 --zone Süd
expect_ok "desk S2" desk add S2 --zone Süd
HOP_USER=anna run book 2026-11-24 S1
eq "$RC:$(cat "$OUT")" "0:Booked desk S1 (Haus, 3. OG, Süd) for Anna Berg on Tue 24 Nov 2026, all day." \
	"anna books S1"
HOP_USER=bernd run book 2026-11-24 S1 --am
eq "$RC" 5 "bernd: S1 is taken"
has "$ERR" "hop: desk S1 is already booked by Anna Berg on Tue 24 Nov 2026 (AM)" "who has it and when"
eq "$(pg_sql "SELECT count(*) FROM booking WHERE cancelled_at IS NULL")" 1 "the refusal changed nothing"
HOP_USER=anna run week --week 2026-11-24
eq "$RC" 0 "anna's week"
has "$OUT" "S1" "the week shows the booking"
HOP_USER=anna run cancel 2026-11-24 S1
eq "$RC" 0 "anna cancels"
eq "$(pg_sql "SELECT count(*) FROM booking WHERE cancelled_at IS NULL")" 0 "the booking is cancelled"
eq "$(pg_sql "SELECT count(*) FROM audit WHERE action LIKE 'booking%'")" 2 "booking and cancelling are audited"
# A day's note outlives a change of location (the upsert keeps it), and '' removes it.
HOP_USER=anna run presence set 2026-11-26 home --note "Handwerker"
eq "$RC" 0 "a home day with a note"
HOP_USER=anna run presence set 2026-11-26 mobile
eq "$(pg_sql "SELECT location || ':' || coalesce(note, '-') FROM presence WHERE day = '2026-11-26'")" \
	"mobile:Handwerker" "another location keeps the note"
HOP_USER=anna run presence set 2026-11-26 mobile --note ""
eq "$(pg_sql "SELECT location || ':' || coalesce(note, '-') FROM presence WHERE day = '2026-11-26'")" \
	"mobile:-" "--note '' removes it"
expect_ok "whoami" whoami
has "$OUT" "Database:  PostgreSQL dbname=hop" "whoami says which database"
hasnt "$OUT" "postgresql://" "and shows no URL (a password would be in it)"

# --- eight processes race for one desk ---
for i in 1 2 3 4 5 6 7 8; do
	"$HOP" person add "r$i" --name "Racer $i" --team "Referat 11" >/dev/null 2>&1
done
for i in 1 2 3 4 5 6 7 8; do
	HOP_USER="r$i" "$HOP" book 2026-11-25 S2 >"$SCRATCH/race$i.out" 2>&1 &
done
wait
won=$(grep -l '^Booked desk S2' "$SCRATCH"/race*.out | wc -l)
lost=$(grep -l 'already booked' "$SCRATCH"/race*.out | wc -l)
eq "$won" 1 "one of eight racers gets S2"
eq "$lost" 7 "the seven others are told it is taken ($(cat "$SCRATCH"/race*.out | grep -v 'Booked\|already booked' | head -3))"
eq "$(pg_sql "SELECT count(*) FROM booking WHERE desk_id = (SELECT id FROM desk WHERE code = 'S2') AND day = '2026-11-25' AND cancelled_at IS NULL")" 1 \
	"0 double bookings in the database"
# --- removals in the feeds, a day set by another, the team day suggestion ---
expect_ok "a team day" teamday set "Referat 11" 2026-12-02
expect_ok "Tuesdays until 1 December" teamday set "Referat 11" tue --from 2026-11-24 --until 2026-12-01
expect_ok "removed" teamday remove "Referat 11" 2026-12-02
expect_ok "Tuesdays no more" teamday remove "Referat 11" tue
expect_ok "the team feed" export ics --team "Referat 11" --from 2026-11-23 --to 2026-12-04
eq "$(grep -c '^STATUS:CANCELLED' "$OUT")" 3 "the removed date and both Tuesdays stay as cancelled"
expect_ok "a day set for anna" presence set 2026-11-30 home --for anna
expect_ok "her week" presence show --person anna --week 2026-11-30 --format csv
has "$OUT" "2026-11-30,home,day,,,tester" "says who set it"
expect_ok "cleared" presence clear 2026-11-30 --for anna
expect_ok "her feed" export ics --person anna --from 2026-11-30 --to 2026-11-30
has "$OUT" "SUMMARY:Cancelled: Work location" "the cleared day stays as cancelled"
expect_ok "suggest" teamday suggest "Referat 11" --week 2026-11-30
has "$OUT" "can come" "the suggestion counts who can come"
HOP_TODAY=2027-12-01 expect_ok "purge" purge --format csv
has "$OUT" "team_day_removed,deleted,2" "the purge deletes what the two removals left"

# --- importing people: staged in the session's own table, written at once ---
printf '%s\n' 'login;name;email;team;start_date;end_date' \
	'cora;Cora Öz;c@example.org;Referat 11;01.12.2026;' \
	'dirk;Dirk Weiß;;Neues Referat;;30.06.2027' \
	'anna;Anna Berg-Neu;;Referat 11;;' >"$SCRATCH/people.csv"
expect_ok "import people" import people "$SCRATCH/people.csv" --create-teams
has "$OUT" "added 2, updated 1, unchanged 0 (teams created 1)" "two added, one changed, a team made"
eq "$(pg_sql "SELECT p.login || ' ' || t.name || ' ' || m.start_on FROM person p JOIN membership m ON m.person_id = p.id JOIN team t ON t.id = m.team_id WHERE p.login IN ('cora', 'dirk') ORDER BY p.login")" \
	"cora Referat 11 2026-12-01
dirk Neues Referat 2026-11-23" "each new person has a post in their team from their first day"
eq "$(pg_sql "SELECT end_date FROM person WHERE login = 'dirk'")" "2027-06-30" "a last day as an edit"
eq "$(pg_sql "SELECT count(*) FROM audit WHERE action = 'person.add' AND object IN ('person:cora', 'person:dirk')")" 2 \
	"an audit entry each"
expect_ok "the same file again" import people "$SCRATCH/people.csv" --create-teams
has "$OUT" "added 0, updated 0, unchanged 3 (teams created 0)" "changes nothing"
finish
