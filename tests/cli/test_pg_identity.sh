#!/bin/sh
# Who hop acts as on PostgreSQL, in the two set-ups of hop(1), SECURITY, on a
# throwaway cluster (tests/cli/pg_lib.sh) with two real users, A and B:
#  - each login its own database role, authenticated by the server (peer
#    authentication with a pg_ident map here; Kerberos works alike), with
#    [database] login_role: HOP_USER makes nobody someone else, and a role
#    not one's own cannot even be connected as;
#  - one service role whose password only a setgid hop can read (a libpq
#    service file of the group's): A reaches the database through hop only,
#    PG* variables and an unprivileged copy of hop get nowhere.
# What a person may do stays hop's rules in both.  Needs root (users, a
# group, a setgid program) and a PostgreSQL server: skips (77) otherwise.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/pg_lib.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)

cant() { echo "skip - $*"; skip "$*"; finish; exit 77; }
[ "$(id -u)" = 0 ] || cant "needs root to create users and a group (CI runs it as root)"
for tool in useradd userdel groupadd groupdel runuser make cc; do
	command -v "$tool" >/dev/null 2>&1 || cant "$tool is missing"
done
pg_start || { finish; exit 77; }
PG_DATA="$PG_DIR/data"    # the cluster pg_start made (tests/cli/pg_lib.sh)

G=hopg$$ A=hopa$$ B=hopb$$
cleanup() {
	userdel "$A" 2>/dev/null; userdel "$B" 2>/dev/null; groupdel "$G" 2>/dev/null
	pg_stop
}
trap cleanup EXIT
trap 'exit 1' HUP INT TERM
groupadd "$G" || cant "groupadd failed"
useradd -M -N -d /nonexistent -s /bin/sh -c "Anna Alt" "$A" || cant "useradd failed"
useradd -M -N -d /nonexistent -s /bin/sh -c "Bernd Bau" "$B" || cant "useradd failed"

# The organisation, set up by its administrator over the trusted superuser.
HOP_DB="$PG_URL" run init --name "Test Admin"
eq "$RC" 0 "the administrator sets up the organisation on PostgreSQL ($(head -c 300 "$ERR"))"
HOP_DB="$PG_URL" run person add "$A" --name "Anna Alt"
HOP_DB="$PG_URL" run person add "$B" --name "Bernd Bau"
eq "$(pg_sql "SELECT count(*) FROM person")" 3 "A and B are registered as employees"

# Roles: A's is A, B's is hop_B (the pattern hop_*), the service role has a
# password; all of them may use hop's tables (hop's rules say what for).
SECRET="s3cret-$$"
pg_sql "CREATE ROLE hop_people NOLOGIN;
	GRANT USAGE ON SCHEMA public TO hop_people;
	GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO hop_people;
	GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO hop_people;
	CREATE ROLE $A LOGIN IN ROLE hop_people;
	CREATE ROLE hop_$B LOGIN IN ROLE hop_people;
	CREATE ROLE hop_service LOGIN PASSWORD '$SECRET' IN ROLE hop_people;" >/dev/null
cat >"$PG_DATA/pg_hba.conf" <<EOF
local all hop trust
local all hop_service scram-sha-256
local all all peer map=people
EOF
cat >"$PG_DATA/pg_ident.conf" <<EOF
people $A $A
people $B hop_$B
EOF
as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" reload >/dev/null 2>&1
sleep 1

# as USER CMD...: CMD as USER, without the test's HOP_USER and HOP_DB.
as() {
	u=$1; shift
	(cd "$SCRATCH" && runuser -u "$u" -- env -u HOP_USER -u HOP_DB "$@") >"$OUT" 2>"$ERR"
	RC=$?
}
SOCK="host=$PG_DIR dbname=hop"

# ---- each login its own role: peer authentication ----
printf '[database]\nurl = %s\nlogin_role = *\n' "$SOCK" >"$SCRATCH/peer-a.ini"
printf '[database]\nurl = %s user=hop_%s\nlogin_role = hop_*\n' "$SOCK" "$B" >"$SCRATCH/peer-b.ini"
chmod 644 "$SCRATCH"/peer-*.ini
as "$A" env HOP_CONFIG="$SCRATCH/peer-a.ini" "$HOP" whoami
eq "$RC" 0 "A, authenticated by the server as role $A, uses hop ($(head -c 300 "$ERR"))"
has "$OUT" "Person:    Anna Alt" "as Anna Alt"
has "$OUT" "DB role:   $A (the role this connection has" "connected as A's own role"
as "$B" env HOP_CONFIG="$SCRATCH/peer-b.ini" "$HOP" whoami
eq "$RC" 0 "B connects as hop_$B, the pattern hop_* ($(head -c 300 "$ERR"))"
has "$OUT" "Person:    Bernd Bau" "and is Bernd Bau"

as "$A" env HOP_CONFIG="$SCRATCH/peer-a.ini" HOP_USER="$B" "$HOP" whoami
eq "$RC" 4 "A with HOP_USER=B is refused"
has "$ERR" "hop acts as the login '$B', but the database knows this connection as the role '$A', not '$B'" \
	"the refusal says who the database knows"
hasnt "$OUT" "Bernd Bau" "A never sees themself as B"
as "$A" env HOP_CONFIG="$SCRATCH/peer-a.ini" HOP_USER="$B" "$HOP" person add x --name X
eq "$RC" 4 "nor changes anything as B"
as "$A" env HOP_CONFIG="$SCRATCH/peer-b.ini" HOP_USER="$B" "$HOP" whoami
[ "$RC" -ne 0 ] && ok "A cannot connect as B's role either" || nok "A connected as hop_$B"
has "$ERR" "Peer authentication failed" "the server refuses: A is not B"
as "$A" env HOP_CONFIG="$SCRATCH/peer-a.ini" "$HOP" person add x --name X
eq "$RC" 4 "A, an employee, may not add people: hop's roles hold on PostgreSQL"
eq "$(pg_sql "SELECT count(*) FROM person")" 3 "nobody was added"
printf '[database]\nurl = %s\n' "$SOCK" >"$SCRATCH/peer-any.ini"
chmod 644 "$SCRATCH/peer-any.ini"
as "$A" env HOP_CONFIG="$SCRATCH/peer-any.ini" HOP_USER="$B" "$HOP" whoami
has "$OUT" "Person:    Bernd Bau" "without login_role, HOP_USER alone decides (why it is there)"
HOP_CONFIG="$SCRATCH/peer-a.ini" run --db "$SCRATCH/a.db" init --name A
eq "$RC" 4 "login_role with a file database is refused"
has "$ERR" "is a file, which has no roles" "saying why"

# ---- one service role, its password only a setgid hop's ----
P="$SCRATCH/usr" ETC="$SCRATCH/etc" DATA="$SCRATCH/var/lib/hop"
if ! (cd "$ROOT" && env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s -j2 BUILD="$SCRATCH/build" \
	OPT=-O0 SANITIZE= WERROR= PREFIX="$P" SYSCONFDIR="$ETC" DATADIR="$DATA" GROUP="$G" install-shared) \
	>"$SCRATCH/make.log" 2>&1; then
	nok "make install-shared ($(tail -5 "$SCRATCH/make.log"))"; finish; exit 1
fi
I="$P/bin/hop"
printf '[database]\nurl = service=hop\n' >"$ETC/hop/hop.ini"
chmod 644 "$ETC/hop/hop.ini"
printf '[hop]\nhost=%s\ndbname=hop\nuser=hop_service\npassword=%s\n' "$PG_DIR" "$SECRET" \
	>"$ETC/hop/pg_service.conf"
chgrp "$G" "$ETC/hop/pg_service.conf" && chmod 640 "$ETC/hop/pg_service.conf"

as "$A" "$I" whoami
eq "$RC" 0 "A reaches PostgreSQL through the setgid hop ($(head -c 300 "$ERR"))"
has "$OUT" "DB role:   hop_service (the role this connection has" "as the service role"
has "$OUT" "Person:    Anna Alt" "acting as A, the login"
as "$A" env HOP_USER="$B" "$I" whoami
has "$OUT" "Person:    Anna Alt" "HOP_USER=B: still A"
as "$A" cat "$ETC/hop/pg_service.conf"
[ "$RC" -ne 0 ] && ok "A cannot read the service file" || nok "A read the service file"
as "$A" "$PG_BIN/psql" -X -h "$PG_DIR" -U hop_service -d hop -c "SELECT 1" </dev/null
[ "$RC" -ne 0 ] && ok "A cannot connect as the service role without hop" || nok "A connected as hop_service"
as "$A" env PGSERVICEFILE="$ETC/hop/pg_service.conf" "$PG_BIN/psql" -X "service=hop" -c "SELECT 1" </dev/null
[ "$RC" -ne 0 ] && ok "nor with the service file named" || nok "psql used the service file"
cp "$I" "$SCRATCH/hop-copy" && chmod 755 "$SCRATCH/hop-copy"
as "$A" env HOP_CONFIG="$ETC/hop/hop.ini" PGSYSCONFDIR="$ETC/hop" \
	PGSERVICEFILE="$ETC/hop/pg_service.conf" "$SCRATCH/hop-copy" whoami
[ "$RC" -ne 0 ] && ok "an unprivileged copy of hop cannot read the credentials" ||
	nok "the copy connected: $(cat "$OUT")"
hasnt "$OUT" "Person:" "and sees nobody"
has "$ERR" "pg_service.conf" "libpq cannot open the service file for it"

# The caller's libpq variables are not hop's: another service file, host,
# user, password or options change nothing.
printf '[hop]\nhost=/nonexistent\ndbname=nothing\nuser=hop\n' >"$SCRATCH/evil.conf"
chmod 644 "$SCRATCH/evil.conf"
day=$(date -d 'next monday' +%Y-%m-%d)
as "$A" env PGSERVICEFILE="$SCRATCH/evil.conf" PGSYSCONFDIR="$SCRATCH" PGHOST=/nonexistent \
	PGUSER=hop PGPASSWORD=x PGOPTIONS="-c default_transaction_read_only=on" PGSERVICE=other \
	"$I" presence set "$day" home
eq "$RC" 0 "with PG* variables of the caller's, the setgid hop still writes ($(head -c 300 "$ERR"))"
eq "$(pg_sql "SELECT count(*) FROM presence p JOIN person x ON x.id = p.person_id
	WHERE x.login = '$A' AND p.day = '$day'")" 1 "A's day is set"
eq "$(pg_sql "SELECT actor FROM audit ORDER BY id DESC LIMIT 1")" "$A" "and audited as A"
as "$A" "$I" person add y --name Y
eq "$RC" 4 "hop's roles hold through the service role too"
finish
