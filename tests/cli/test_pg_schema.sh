#!/bin/sh
# The two schemas never drift: db/postgresql/ loaded into a throwaway
# PostgreSQL cluster is compared with the SQLite schema 'hop init' makes
# (tables, columns, types, NOT NULL, defaults, collations, keys, unique and
# partial indexes, foreign keys, CHECKs, triggers), PostgreSQL refuses what
# SQLite refuses, and the collation "hop" sorts names as hop does.
# Skips (exit 77) when the PostgreSQL server programs are not installed.
. "$(dirname "$0")/lib.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)

skip_all() { skip "$1"; echo "RESULT pass=$T_PASS fail=$T_FAIL skip=$T_SKIP"; exit 77; }

# The server programs: HOP_PG_BINDIR, else the newest Debian installs.
PGBIN=${HOP_PG_BINDIR:-}
if [ -z "$PGBIN" ]; then
	for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && PGBIN=$d; done
fi
[ -n "$PGBIN" ] && [ -x "$PGBIN/initdb" ] && [ -x "$PGBIN/pg_ctl" ] && [ -x "$PGBIN/psql" ] ||
	skip_all "PostgreSQL is not installed (no initdb, pg_ctl, psql; Debian: postgresql)"
command -v python3 >/dev/null || skip_all "python3 is missing"

# PostgreSQL refuses to run as root: as root, the cluster belongs to the
# postgres user (Debian's package creates it).
AS=""
if [ "$(id -u)" -eq 0 ]; then
	id postgres >/dev/null 2>&1 || skip_all "running as root and there is no postgres user"
	AS="runuser -u postgres --"
fi
PGDIR="$SCRATCH/pg"
mkdir -p "$PGDIR"
chmod 755 "$SCRATCH"
[ -n "$AS" ] && chown postgres "$PGDIR"
# The socket in the scratch directory, no TCP: nothing clashes with another
# cluster on this machine.  Stopped on exit, before lib.sh removes the files.
trap '$AS "$PGBIN/pg_ctl" -D "$PGDIR/data" -m immediate stop >/dev/null 2>&1; lib_cleanup' EXIT
if ! $AS "$PGBIN/initdb" -D "$PGDIR/data" -U hop -A trust -E UTF8 --locale=C.UTF-8 -N \
		>"$PGDIR/initdb.log" 2>&1; then
	nok "initdb failed: $(tail -3 "$PGDIR/initdb.log")"
	finish; exit 1
fi
if ! $AS "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w \
		-o "-F -k $PGDIR -h ''" start >/dev/null 2>&1; then
	nok "the server did not start: $(tail -3 "$PGDIR/server.log")"
	finish; exit 1
fi
ok "a throwaway cluster runs in the scratch directory"
PSQL="$PGBIN/psql -X -q -h $PGDIR -U hop -v ON_ERROR_STOP=1"
$PSQL -d postgres -c "CREATE DATABASE hop" || { nok "CREATE DATABASE"; finish; exit 1; }
PQ="$PSQL -d hop"

# ---- the same steps, the PostgreSQL ones load in order, one transaction each
lite=$(cd "$ROOT/db/sqlite" && ls [0-9]*.sql | tr '\n' ' ')
pg=$(cd "$ROOT/db/postgresql" && ls [0-9]*.sql | tr '\n' ' ')
eq "$pg" "$lite" "db/sqlite and db/postgresql have the same numbered steps"
loaded=yes
for f in "$ROOT"/db/postgresql/[0-9]*.sql; do
	if ! $PQ -1 -f "$f" >"$OUT" 2>"$ERR"; then
		nok "$(basename "$f") loads into PostgreSQL: $(head -c 400 "$ERR")"
		loaded=no
		break
	fi
done
[ "$loaded" = yes ] && ok "every step of db/postgresql loads into an empty database"

# ---- the schemas compare (with an SQLite file also when the suites run on
# PostgreSQL)
HOP_DB="$SCRATCH/schema.db"
expect_ok "hop init makes the SQLite schema" init
if python3 "$ROOT/tests/cli/pg_schema_compare.py" "$HOP_DB" $PQ >"$OUT" 2>&1; then
	ok "the schemas are equal ($(tail -1 "$OUT"))"
else
	nok "the schemas differ: $(cat "$OUT")"
fi

# ---- PostgreSQL refuses what SQLite refuses
# pg_refuses DESC SQLSTATE SQL: the statement fails with that SQLSTATE.
pg_refuses() {
	$PQ -c '\set VERBOSITY sqlstate' -c "$3" >"$OUT" 2>"$ERR"
	if [ $? -ne 0 ] && grep -q "$2" "$ERR"; then ok "$1"
	else nok "$1 (wanted SQLSTATE $2; got: $(head -c 300 "$ERR"))"; fi
}
pg_ok() { if $PQ -c "$2" >"$OUT" 2>"$ERR"; then ok "$1"; else nok "$1: $(head -c 300 "$ERR")"; fi; }

pg_ok "a small organisation is written" "
	INSERT INTO team (id, name, slug, created_on) VALUES (1, 'Vergabe', 'vergabe', '2026-01-01');
	INSERT INTO person (id, login, name, team_id, start_date) VALUES
		(1, 'anna', 'Anna Berg', 1, '2026-01-01'), (2, 'bert', 'Bert Ohm', 1, '2026-01-01');
	INSERT INTO site (id, name, slug, timezone, region, created_on)
		VALUES (1, 'Haus A', 'haus-a', 'Europe/Berlin', 'BE', '2026-01-01');
	INSERT INTO floor (id, site_id, name) VALUES (1, 1, 'EG');
	INSERT INTO zone (id, floor_id, name) VALUES (1, 1, 'Nord');
	INSERT INTO desk (id, code, zone_id) VALUES (1, '3.14', 1);
	INSERT INTO booking (desk_id, person_id, day, am, pm, booked_by, created_at, updated_at)
		VALUES (1, 1, '2026-11-24', 1, 1, 1, 'x', 'x');
	INSERT INTO course (id, code, title, created_on) VALUES (1, 'SI', 'Sicherheit', '2026-01-01');
	INSERT INTO course_session (id, course_id, starts_at, ends_at, capacity, created_at, created_by)
		VALUES (1, 1, '2026-12-01T09:00', '2026-12-01T12:00', 1, 'x', 'x');
	INSERT INTO enrolment (session_id, person_id, state, queued_at, requested_by)
		VALUES (1, 1, 'booked', 'x', 'x');
	INSERT INTO membership (person_id, team_id, kind, start_on, end_on, created_at)
		VALUES (1, 1, 'post', '2026-01-01', NULL, 'x');
	INSERT INTO training_record (id, person_id, course_id, done_on, result, source, created_at, created_by)
		VALUES (1, 1, 1, '2026-02-01', 'passed', 'manual', 'x', 'x');"
pg_refuses "a double booking of a desk is refused (booking_desk_am)" 23505 "
	INSERT INTO booking (desk_id, person_id, day, am, pm, booked_by, created_at, updated_at)
	VALUES (1, 2, '2026-11-24', 1, 0, 2, 'x', 'x')"
pg_ok "after a cancellation the desk can be booked again" "
	UPDATE booking SET cancelled_at = 'x' WHERE desk_id = 1;
	INSERT INTO booking (desk_id, person_id, day, am, pm, booked_by, created_at, updated_at)
	VALUES (1, 2, '2026-11-24', 1, 0, 2, 'x', 'x')"
pg_refuses "an overfilled session is refused (enrolment_capacity_insert)" 23514 "
	INSERT INTO enrolment (session_id, person_id, state, queued_at, requested_by)
	VALUES (1, 2, 'booked', 'x', 'x')"
pg_ok "a waitlisted enrolment takes no seat" "
	INSERT INTO enrolment (session_id, person_id, state, queued_at, requested_by)
	VALUES (1, 2, 'waitlisted', 'x', 'x')"
pg_refuses "a waitlisted enrolment cannot take a seat of a full session (enrolment_capacity_update)" \
	23514 "UPDATE enrolment SET state = 'booked' WHERE person_id = 2"
pg_refuses "a session cannot shrink below its booked seats (course_session_capacity)" 23514 "
	UPDATE course_session SET capacity = 0 WHERE id = 1"
pg_refuses "overlapping posts of one person are refused (membership_primary)" 23P01 "
	INSERT INTO membership (person_id, team_id, kind, start_on, end_on, created_at)
	VALUES (1, 1, 'post', '2026-06-01', '2026-06-30', 'x')"
pg_ok "a station overlays a post (db/*/0009)" "
	INSERT INTO membership (person_id, team_id, kind, start_on, end_on, created_at)
	VALUES (1, 1, 'station', '2026-06-01', '2026-06-30', 'x')"
pg_refuses "the last day of a period counts: a post from it overlaps (membership_primary)" 23P01 "
	INSERT INTO membership (person_id, team_id, kind, start_on, end_on, created_at)
	VALUES (2, 1, 'post', '2026-01-01', '2026-03-31', 'x'),
	       (2, 1, 'post', '2026-03-31', NULL, 'x')"
pg_refuses "a new hire has one mentor at a time (mentorship_one_mentor)" 23P01 "
	INSERT INTO mentorship (mentor_id, mentee_id, start_on, end_on, created_at, created_by)
	VALUES (2, 1, '2026-01-01', '2026-03-31', 'x', 'x'), (2, 1, '2026-03-01', '2026-06-30', 'x', 'x')"
pg_refuses "a training record is never deleted (training_record_kept)" 23514 "
	DELETE FROM training_record WHERE id = 1"
pg_refuses "a slug with a capital is refused (CHECK)" 23514 "
	INSERT INTO team (name, slug, created_on) VALUES ('Presse', 'Presse', '2026-01-01')"
pg_refuses "team names are unique whatever their case (collation nocase)" 23505 "
	INSERT INTO team (name, slug, created_on) VALUES ('VERGABE', 'vergabe-2', '2026-01-01')"

# data_rev: every transaction that changes a feed table bumps it, once
# however many statements it has; one that changes nothing does not.
n0=$($PQ -At -c "SELECT n FROM data_rev")
$PQ -c "UPDATE person SET email = NULL WHERE id = 999; DELETE FROM presence WHERE day = 'x'" >/dev/null
eq "$($PQ -At -c "SELECT n FROM data_rev")" "$n0" "a statement that changes no row leaves data_rev alone"
$PQ -c "INSERT INTO presence (person_id, day, location, updated_at) VALUES (1, '2026-11-24', 'home', 'x')" >/dev/null
eq "$($PQ -At -c "SELECT n FROM data_rev")" "$((n0 + 1))" "an insert bumps data_rev"
$PQ -c "BEGIN; UPDATE person SET email = 'a@b.de' WHERE id = 1; DELETE FROM presence WHERE person_id = 1; COMMIT" >/dev/null
eq "$($PQ -At -c "SELECT n FROM data_rev")" "$((n0 + 2))" "a transaction of two changes bumps it once"
$PQ -c "BEGIN; SAVEPOINT a; UPDATE person SET email = NULL WHERE id = 1; ROLLBACK TO a; UPDATE person SET email = 'c@d.de' WHERE id = 1; COMMIT" >/dev/null
eq "$($PQ -At -c "SELECT n FROM data_rev")" "$((n0 + 3))" "and a change rolled back to a savepoint leaves the next one to bump it"

# ---- the collation "hop" sorts as hop does
# Every first name with every surname of the demo (and the demo's unit
# subjects): hop sorts them with fold_collate ('hop person list', people
# without a team in name order), PostgreSQL with ORDER BY name COLLATE hop.
names() { sed -n "/^const char \*const $1\[\] = {/,/^};/p" "$ROOT/src/demo/demo_names.c" |
	grep -o '"[^"]*"' | tr -d '"'; }
names demo_first_names >"$SCRATCH/first"
names demo_surnames >"$SCRATCH/last"
names demo_subjects >"$SCRATCH/subjects"
awk 'NR == FNR { s[++n] = $0; next } { for (i = 1; i <= n; i++) print $0 " " s[i] }' \
	"$SCRATCH/last" "$SCRATCH/first" >"$SCRATCH/names"
cat "$SCRATCH/last" "$SCRATCH/subjects" >>"$SCRATCH/names"
awk '{ gsub(/\047/, "\047\047"); printf "INSERT INTO person (login, name, start_date) VALUES (\047p%d\047, \047%s\047, \0472026-01-01\047);\n", NR, $0 }' \
	"$SCRATCH/names" >"$SCRATCH/names.sql"
HOP_DB="$SCRATCH/order.db"
expect_ok "a database for the names" init
{ echo "BEGIN;"; cat "$SCRATCH/names.sql"; echo "COMMIT;"; } | sqlite3 -batch "$HOP_DB"
"$HOP" person list --format tsv 2>"$ERR" | awk -F '\t' '$1 ~ /^p[0-9]+$/ && $4 == "" { print $1 }' \
	>"$SCRATCH/hop.order"
$PQ -c "CREATE TABLE names (login text, name text)" >/dev/null
awk '{ printf "p%d\t%s\n", NR, $0 }' "$SCRATCH/names" | $PQ -c "\\copy names FROM STDIN" >/dev/null
$PQ -At -c "SELECT login FROM names ORDER BY name COLLATE hop, login" >"$SCRATCH/pg.order"
count=$(wc -l <"$SCRATCH/names" | tr -d ' ')
eq "$(wc -l <"$SCRATCH/hop.order" | tr -d ' ')" "$count" "hop lists all $count names"
if cmp -s "$SCRATCH/hop.order" "$SCRATCH/pg.order"; then
	ok "PostgreSQL's collation hop sorts the $count names as hop does"
else
	nok "the orders differ: $(diff "$SCRATCH/hop.order" "$SCRATCH/pg.order" | head -10 | tr '\n' ' ')"
fi

finish
