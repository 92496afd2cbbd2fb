# tmux helpers for screen tests (POSIX sh), sourced after ../cli/lib.sh:
#   . "$(dirname "$0")/tmux.sh"
# hop runs in a detached tmux session on a private socket; keys go in with
# send-keys, what a person would see comes out with capture-pane.  Every wait
# polls the screen (at most 10 s), never sleeps for a fixed time.
# Sets TSOCK, SCR (the last capture) and CONF (hop.ini, exported as HOP_CONFIG).
# The caller skips when tmux is missing (tmux_missing).

tmux_missing() { ! command -v tmux >/dev/null 2>&1; }

TSOCK="$SCRATCH/tmux.sock"
SCR="$SCRATCH/screen"
CONF="$SCRATCH/hop.ini"
trap 'tmux -S "$TSOCK" kill-server >/dev/null 2>&1; lib_cleanup' EXIT

# The status bar off, so the pane is the whole window; the pane stays after
# hop exits, so its exit status and last output can be read.  The server
# stays when its last session is killed (exit-empty off): start's
# kill-session would otherwise end it while its new-session connects
# ("server exited unexpectedly" on a loaded machine); the EXIT trap ends it.
cat >"$SCRATCH/tmux.conf" <<'TMUXCONF'
set -s exit-empty off
set -g status off
set -g remain-on-exit on
set -g default-terminal screen
TMUXCONF
export HOP_CONFIG="$CONF"

tm() { tmux -S "$TSOCK" -f "$SCRATCH/tmux.conf" "$@"; }
grab() { tm capture-pane -p -t hop >"$SCR" 2>/dev/null; }
keys() { tm send-keys -t hop "$@"; }
text() { tm send-keys -t hop -l "$1"; }

# wait_for TEXT / wait_gone TEXT: until the screen shows (no longer shows) TEXT.
wait_for() {
	i=0
	while [ "$i" -lt 100 ]; do
		grab && grep -qF -- "$1" "$SCR" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
wait_gone() {
	i=0
	while [ "$i" -lt 100 ]; do
		grab && ! grep -qF -- "$1" "$SCR" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
# has on the screen: what should be there may still be arriving (a loaded
# machine draws a screen in pieces), so it is looked for again, as wait_for
# does, before it is called missing.  Other files as lib.sh's has.
has() {
	if [ "$1" = "$SCR" ] && ! grep -qF -- "$2" "$SCR"; then wait_for "$2" || true; fi
	if grep -qF -- "$2" "$1"; then ok "$3"; else nok "$3 (no '$2' in: $(head -c 600 "$1"))"; fi
}

# The selected row of a list ("> ..."), the bottom lines as one line (the
# status line and the footer), and moving a list's selection.
sel_line() { grep '^>' "$SCR" | head -1; }
status_text() { tail -n 3 "$SCR" | tr '\n' ' ' | tr -s ' '; }
# wait_sel_change LINE: until the selected row is another than LINE.
wait_sel_change() {
	i=0
	while [ "$i" -lt 50 ]; do
		grab && [ "$(sel_line)" != "$1" ] && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
# select_code CODE: from the first row (Home), move down with j until the
# row beginning with CODE (a desk's or room's code) is selected.
select_code() {
	n=0
	grab
	case "$(sel_line)" in "> $1 "*) return 0 ;; esac
	keys Home
	wait_sel_change "$(sel_line)"
	while [ "$n" -lt 200 ]; do
		grab
		line=$(sel_line)
		case "$line" in "> $1 "*) return 0 ;; esac
		keys j
		wait_sel_change "$line" || return 1
		n=$((n + 1))
	done
	return 1
}

# wait_exit: until hop has ended and the shell around it has reported.
wait_exit() {
	i=0
	while [ "$i" -lt 100 ]; do
		tm capture-pane -p -S - -t hop >"$SCR" 2>/dev/null &&
			grep -q "hop-exit=" "$SCR" && grep -q "echoke" "$SCR" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# start W H LOGIN [VAR=VALUE...]: hop in a fresh session of W×H, as LOGIN,
# with the whole environment on the command line (tmux does not hand its own
# on reliably).  A shell around hop reports hop's exit status and the terminal
# modes after it; it ignores SIGINT so that Ctrl-C reaches only hop.
start() {
	w=$1 h=$2 u=$3
	shift 3
	tm kill-session -t hop >/dev/null 2>&1
	set -- PATH="$PATH" TERM=screen HOME="$SCRATCH" XDG_CONFIG_HOME="$XDG_CONFIG_HOME" \
		XDG_DATA_HOME="$XDG_DATA_HOME" HOP_DB="$HOP_DB" HOP_CONFIG="$CONF" \
		HOP_USER="$u" HOP_TODAY="$HOP_TODAY" LC_ALL=C.UTF-8 "$@"
	[ -n "${ASAN_OPTIONS:-}" ] && set -- "ASAN_OPTIONS=$ASAN_OPTIONS" "$@"
	[ -n "${UBSAN_OPTIONS:-}" ] && set -- "UBSAN_OPTIONS=$UBSAN_OPTIONS" "$@"
	[ -n "${LSAN_OPTIONS:-}" ] && set -- "LSAN_OPTIONS=$LSAN_OPTIONS" "$@"
	[ -n "${HOPLOCALEDIR:-}" ] && set -- "HOPLOCALEDIR=$HOPLOCALEDIR" "$@"
	tm new-session -d -s hop -x "$w" -y "$h" env -i "$@" sh -c \
		'trap "" INT; "$0"; echo "hop-exit=$?"; stty -a' "$HOP"
}

# colour_codes FILE: how many colour escapes a capture with -e holds.
colour_codes() { grep -cE '\[([34][0-7]|[34]8;)|;[34][0-7]m' "$1"; }

# expect_exit_clean DESC: hop ended with status 0 and left the terminal in
# line mode with echo.
expect_exit_clean() {
	d=$1
	if wait_exit; then
		if grep -q 'hop-exit=0' "$SCR" && grep -q ' icanon' "$SCR" && grep -q ' echo ' "$SCR"
		then ok "$d: hop ended with status 0 and the terminal is back in line mode with echo"
		else nok "$d: after exit: $(grep -E 'hop-exit|icanon' "$SCR" | head -3)"; fi
	else
		nok "$d: hop did not end: $(tail -n 5 "$SCR")"
	fi
}
