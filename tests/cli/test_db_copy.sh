#!/bin/sh
# hop db copy: the demo organisation from an SQLite file into another file,
# into PostgreSQL (a throwaway cluster, tests/cli/pg_lib.sh) and back again,
# with what a person sees afterwards compared byte for byte (people,
# bookings, a team's week, training, rotation, calendar feeds) and every
# table's rows compared; a target that holds anything refused, naming what;
# an employee refused; a failure midway leaving the target as it was (a new
# file removed, a new PostgreSQL database without tables again).  The
# PostgreSQL half is skipped (exit 77) when no server is installed.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/pg_lib.sh"

DEMO="$SCRATCH/demo.db"
export HOP_DB="$DEMO"
expect_ok "a demo organisation" init --demo
SITE="Dienstgebäude Mitte" TEAM="Referat 11 – Digitalisierung"

# listings DIR: what HR sees of the organisation in $HOP_DB, one file each.
listings() {
	mkdir -p "$1/feeds"
	"$HOP" person list --all >"$1/people" 2>&1
	"$HOP" bookings --site "$SITE" --from 2026-10-01 --to 2026-12-31 --cancelled \
		--format csv >"$1/bookings" 2>&1
	"$HOP" week --team "$TEAM" --week 2026-W48 >"$1/week" 2>&1
	"$HOP" training status hkoch >"$1/training" 2>&1
	"$HOP" training coverage --format csv >"$1/coverage" 2>&1
	"$HOP" rotation due --all >"$1/rotation" 2>&1
	"$HOP" export ics --site "$SITE" >"$1/site.ics" 2>&1
	"$HOP" feeds publish "$1/feeds" >/dev/null 2>&1
}
# same A B DESC: the two listings are the same, file for file
same() {
	if diff -r "$1" "$2" >"$SCRATCH/diff" 2>&1; then ok "$3"
	else nok "$3: $(head -c 800 "$SCRATCH/diff")"; fi
}
# rows DB: every table of an SQLite file with its rows, "table n" a line
rows() {
	for t in $(sqlite3 "$1" "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name"); do
		echo "$t $(sqlite3 "$1" "SELECT count(*) FROM \"$t\"")"
	done
}
# dump DB: every row of every table but the audit log and the change counter,
# values quoted by type (so an integer that came back as text would show)
dump() {
	for t in $(sqlite3 "$1" "SELECT name FROM sqlite_schema WHERE type = 'table' AND
		name NOT IN ('audit', 'data_rev') ORDER BY name"); do
		echo "== $t"
		sqlite3 -cmd ".mode quote" "$1" "SELECT * FROM \"$t\" ORDER BY 1"
	done
}
listings "$SCRATCH/before"
has "$SCRATCH/before/people" "hkoch" "the listings show the demo"
rows "$DEMO" >"$SCRATCH/demo.rows"

# ---- who may, and into what ----
expect_fail "--to is needed" 2 db copy
has "$ERR" "--to names the database to copy into" "and the usage error says so"
HOP_USER=mstein run db copy --to "$SCRATCH/emp.db"
eq "$RC" 4 "an employee may not copy the organisation"
has "$ERR" "only HR or an admin can copy the whole organisation" "the refusal says who may"
[ ! -e "$SCRATCH/emp.db" ] && ok "and no file was made" || nok "emp.db was made"
expect_fail "the database in use is no target" 1 db copy --to "$DEMO"
has "$ERR" "is the database in use" "and the refusal says so"

# ---- SQLite to SQLite ----
# Every table of the schema (hop's own, not SQLite's), however many migrations made.
NTABLES=$(sqlite3 "$DEMO" "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'")
COPY="$SCRATCH/copy.db"
expect_ok "copy into a new file" db copy --to "$COPY"
has "$OUT" "Copied $DEMO into $COPY (schema version" "the copy says from where to where"
has "$OUT" "$NTABLES tables" "every table"
has "$OUT" "Each table holds as many rows in the copy as in $DEMO." "and that the counts agree"
n=$(grep -c '^  [a-z_]* *[0-9]*$' "$OUT")
eq "$n" "$NTABLES" "one line per table with its rows"
eq "$(sed -n 's/^  person  *\([0-9]*\)$/\1/p' "$OUT")" "$(sqlite3 "$DEMO" "SELECT count(*) FROM person")" \
	"the people counted are the demo's"
eq "$(sqlite3 "$COPY" "PRAGMA user_version")" "$(sqlite3 "$DEMO" "PRAGMA user_version")" \
	"the copy has the schema version of the source"
eq "$(sqlite3 "$COPY" "PRAGMA foreign_key_check; PRAGMA integrity_check")" "ok" "the copy is sound"
[ -s "$COPY" ] && [ ! -s "$COPY-wal" ] && ok "the file alone holds it" || nok "a -wal file is left"
dump "$DEMO" >"$SCRATCH/demo.dump"
dump "$COPY" >"$SCRATCH/copy.dump"
cmp -s "$SCRATCH/demo.dump" "$SCRATCH/copy.dump" && ok "every row of every table is the same" ||
	nok "the rows differ: $(diff "$SCRATCH/demo.dump" "$SCRATCH/copy.dump" | head -5)"
eq "$(sqlite3 "$COPY" "SELECT action || ' ' || detail FROM audit ORDER BY id DESC LIMIT 1")" \
	"database.copy copied from $DEMO: $NTABLES tables, $(awk '{s += $2} END {print s}' "$SCRATCH/demo.rows") rows" \
	"the copy's audit log says where it came from"
eq "$(sqlite3 "$DEMO" "SELECT actor || ' ' || action FROM audit ORDER BY id DESC LIMIT 1")" \
	"tester database.copy" "the source's says who copied it"
HOP_DB="$COPY" listings "$SCRATCH/copy"
same "$SCRATCH/before" "$SCRATCH/copy" "the copy shows the same listings"

before=$(sqlite3 "$COPY" "SELECT count(*) FROM audit")
expect_fail "a target that holds an organisation is refused" 5 db copy --to "$COPY"
has "$ERR" "$COPY is not empty: it holds training_record (762 rows), booking (" \
	"the refusal names what it holds, the most first"
has "$ERR" "more tables; the organisation is copied only into an empty database" "and why"
eq "$(sqlite3 "$COPY" "SELECT count(*) FROM audit")" "$before" "and nothing was written into it"

# A hop file at the schema's version holding nothing, whose table refuses
# rows: the copy fails midway and leaves the file as it was.
EMPTY="$SCRATCH/empty.db"
{
	sqlite3 "$DEMO" .schema | grep -v '^CREATE TABLE sqlite_'
	echo "PRAGMA application_id = $(sqlite3 "$DEMO" "PRAGMA application_id");"
	echo "PRAGMA user_version = $(sqlite3 "$DEMO" "PRAGMA user_version");"
	echo "INSERT INTO data_rev (id, n) VALUES (1, 0);"
	echo "CREATE TRIGGER full BEFORE INSERT ON training_record BEGIN SELECT RAISE(ABORT, 'no room for more'); END;"
} | sqlite3 "$EMPTY"
expect_fail "a copy refused midway" 6 db copy --to "$EMPTY"
has "$ERR" "copying table training_record into $EMPTY: no room for more" \
	"says which table and why"
eq "$(rows "$EMPTY" | awk '$1 != "data_rev" {s += $2} END {print s}')" 0 \
	"the file holds no rows afterwards"
eq "$(sqlite3 "$EMPTY" "SELECT n FROM data_rev")" 0 "not even a changed counter"

# ---- PostgreSQL ----
if ! pg_start; then
	finish
	exit 77
fi
MNT=""
trap '[ -n "$MNT" ] && umount "$MNT" 2>/dev/null; pg_stop' EXIT

rows "$DEMO" >"$SCRATCH/demo.rows"
expect_ok "copy the demo into PostgreSQL" db copy --to "$PG_URL"
has "$OUT" "into PostgreSQL dbname=hop" "the copy names the database, not the URL"
hasnt "$OUT" "postgresql://" "and shows no URL"
for line in $(awk '{print $1 "=" $2}' "$SCRATCH/demo.rows"); do
	t=${line%=*} want=${line#*=}
	got=$(pg_sql "SELECT count(*) FROM \"$t\"")
	[ "$t" = audit ] && got=$((got - 1))     # the target's entry
	[ "$got" = "$want" ] || nok "PostgreSQL holds $got rows in $t, the demo $want"
done
ok "PostgreSQL holds every table's rows"
eq "$(pg_sql "SELECT count(*) FROM person WHERE name = 'Henning Koch' AND login = 'hkoch'")" 1 \
	"umlaut-free and with umlauts, the names arrived"
eq "$(pg_sql "SELECT name FROM person WHERE login = 'jmorosow'")" "Jülide Morosow" "as UTF-8"
eq "$(pg_sql "SELECT version FROM hop_schema")" "$(sqlite3 "$DEMO" "PRAGMA user_version")" \
	"the schema version is the source's"
eq "$(pg_sql "SELECT last_value >= (SELECT max(id) FROM person) FROM person_id_seq")" t \
	"the identities continue after the copied ids"
eq "$(pg_sql "SELECT count(*) FROM audit WHERE id = (SELECT max(id) FROM audit) AND
	detail LIKE 'copied from $DEMO:%'")" 1 "the target's entry took the next id"

expect_fail "PostgreSQL holding the organisation is refused" 5 db copy --to "$PG_URL"
has "$ERR" "is not empty: it holds training_record (762 rows), booking (" "naming what it holds"

BACK="$SCRATCH/back.db"
HOP_DB="$PG_URL" run db copy --to "$BACK"
eq "$RC" 0 "copy it back from PostgreSQL into a new file ($(head -c 300 "$ERR"))"
has "$OUT" "$NTABLES tables" "every table came back"
dump "$BACK" >"$SCRATCH/back.dump"
cmp -s "$SCRATCH/demo.dump" "$SCRATCH/back.dump" && ok "there and back, every row is the same" ||
	nok "the rows differ: $(diff "$SCRATCH/demo.dump" "$SCRATCH/back.dump" | head -5)"
eq "$(sqlite3 "$BACK" "SELECT count(*) FROM audit") $(sqlite3 "$BACK" "SELECT max(id) FROM audit")" \
	"$(($(sqlite3 "$DEMO" "SELECT count(*) FROM audit") + 1)) $(($(sqlite3 "$DEMO" "SELECT max(id) FROM audit") + 1))" \
	"the audit log came back with one entry more, where it was copied from"
HOP_DB="$BACK" listings "$SCRATCH/back"
same "$SCRATCH/before" "$SCRATCH/back" "there and back, the listings are the same byte for byte"

# A source PostgreSQL refuses midway (a name that is no UTF-8): the new
# database is as empty as before, without even hop's tables.
BAD="$SCRATCH/bad.db"
cp "$DEMO" "$BAD"
sqlite3 "$BAD" "UPDATE person SET name = CAST(x'416E6E61FF' AS TEXT) WHERE login = 'hkoch'"
"$PG_BIN/createdb" -h "$PG_DIR" -U hop fresh
FRESH="postgresql://hop@/fresh?host=$PG_DIR"
HOP_DB="$BAD" run db copy --to "$FRESH"
eq "$RC" 6 "a name PostgreSQL cannot take fails the copy"
has "$ERR" "copying table person into PostgreSQL dbname=fresh" "says which table"
has "$ERR" "UTF8" "and why"
eq "$($PSQL -d fresh -c "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
	WHERE n.nspname = 'public'")" 0 "the database is as it was: no tables at all"
HOP_DB="$BAD" run whoami
has "$OUT" "Database:  $BAD" "the source is still usable"

# A disk that fills up midway (root only: a small tmpfs): the new file is
# removed again.
if [ "$(id -u)" -eq 0 ] && mkdir -p "$SCRATCH/small" &&
	mount -t tmpfs -o size=400k tmpfs "$SCRATCH/small" 2>/dev/null; then
	MNT="$SCRATCH/small"
	HOP_DB="$PG_URL" run db copy --to "$MNT/new.db"
	eq "$RC" 6 "a full disk fails the copy"
	has "$ERR" "database or disk is full" "says why"
	eq "$(ls -A "$MNT")" "" "and the new file is gone, -wal and -shm with it"
	umount "$MNT" && MNT=""
else
	skip "a full disk needs root and a tmpfs"
fi
finish
