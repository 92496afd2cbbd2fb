# A throwaway PostgreSQL cluster for a test (POSIX sh), sourced after lib.sh:
#   . "$(dirname "$0")/pg_lib.sh"; pg_start || exit 77
# initdb and pg_ctl in $SCRATCH/pg, listening on a unix socket there only (no
# TCP port to collide with another suite's); as root, the server runs as the
# postgres user (PostgreSQL refuses root).  Sets PG_URL (hop's --db) and PSQL
# (psql on the cluster's database "hop"); pg_stop runs at exit.  When no
# PostgreSQL server is installed, pg_start says why and returns 1.  The
# server runs without fsync (a test needs no durability); PG_FSYNC=on before
# pg_start makes it as durable as SQLite's WAL (the bench).
# tests/run.sh starts the cluster of a whole run (HOP_TEST_PG=1) with
# pg_cluster_start, sourcing this file alone (lib_cleanup is then its own).

PG_BIN=""
pg_find() {
	for d in "$(pg_config --bindir 2>/dev/null)" /usr/lib/postgresql/*/bin; do
		if [ -n "$d" ] && [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && [ -x "$d/postgres" ]; then
			PG_BIN=$d
			return 0
		fi
	done
	return 1
}

# as_pg CMD...: run a server command as the owner of the cluster.
as_pg() {
	if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# pg_cluster_start DIR [MAX_CONNECTIONS]: initdb a cluster in DIR/data and start
# it, its socket in DIR and no TCP port.  Returns 1, saying why, when it cannot.
pg_cluster_start() {
	if ! pg_find; then
		echo "skip: no PostgreSQL server here (initdb, pg_ctl, postgres; Debian: postgresql)"
		return 1
	fi
	if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
		echo "skip: running as root and there is no postgres user to run the server as"
		return 1
	fi
	mkdir -p "$1"
	# The server's user must reach its directory and socket; the test's user
	# (root here) connects as the cluster's superuser over the socket.
	chmod 755 "$(dirname "$1")"
	[ "$(id -u)" -eq 0 ] && chown postgres "$1"
	if ! as_pg "$PG_BIN/initdb" -D "$1/data" -U hop -A trust -E UTF8 --locale=C.UTF-8 -N \
		>"$1/initdb.log" 2>&1; then
		echo "skip: initdb failed: $(tail -3 "$1/initdb.log")"
		return 1
	fi
	if ! as_pg "$PG_BIN/pg_ctl" -D "$1/data" -l "$1/server.log" -w -t 60 \
		-o "-c listen_addresses='' -c unix_socket_directories='$1' -c fsync=${PG_FSYNC:-off} \
-c synchronous_commit=off -c full_page_writes=${PG_FSYNC:-off} -c max_connections=${2:-40}" start \
		>/dev/null 2>&1; then
		echo "skip: the PostgreSQL server did not start: $(tail -3 "$1/server.log")"
		return 1
	fi
}

# pg_cluster_stop DIR
pg_cluster_stop() {
	[ -f "$1/data/postmaster.pid" ] &&
		as_pg "$PG_BIN/pg_ctl" -D "$1/data" -m immediate stop >/dev/null 2>&1
	return 0
}

pg_stop() {
	[ -n "${PG_DIR:-}" ] && pg_cluster_stop "$PG_DIR"
	lib_cleanup
}

pg_start() {
	PG_DIR="$SCRATCH/pg"
	trap 'pg_stop' EXIT
	pg_cluster_start "$PG_DIR" || return 1
	"$PG_BIN/createdb" -h "$PG_DIR" -U hop hop 2>/dev/null || as_pg "$PG_BIN/createdb" -h "$PG_DIR" -U hop hop
	PG_URL="postgresql://hop@/hop?host=$PG_DIR"
	PSQL="$PG_BIN/psql -X -q -At -h $PG_DIR -U hop -d hop"
	export PG_URL
	return 0
}

# pg_sql QUERY: read the test database directly, as lib.sh's sql does for SQLite.
pg_sql() { $PSQL -c "$1"; }
