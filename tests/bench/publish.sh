# Sourced by tests/bench/run.sh (its variables and helpers in scope: HOP, BIN,
# S, RUNS, median, now_ns, ms_since, say, peak_kb).
# ---- 7. hop feeds publish: every person's, team's, desk's and room's feed ------------------
# What cron runs every few minutes.  The first run writes every file; the
# second finds nothing changed and must rewrite nothing.  Budget: memory
# under 20 MB in both (people, desks and bookings are streamed, never held);
# the first run's rate at least 70 % of the libical loop's (growth.sh).
#
# The rate: PUB_RUNS first runs, each into a new directory, alternating with
# the libical loop publishing as much (tests/bench/ics_baseline N - FEEDS
# DIR: as many events over as many files, each a calendar with the same
# VTIMEZONE), the median of each.  A run takes 5 to 15 s on the bench
# machine, and a rate measured a minute before or after (section 6's loop
# takes a second) said more about the host's load then than about hop: the
# same binary's rate went from 45 % to 107 % of it between runs.  And one
# stream of events is not what publishing writes: 26,000 files with a
# calendar's header and time zone each cost the libical loop a fifth more.
#
# Both into a directory in memory (tmpfs: /dev/shm, or BENCH_FEEDS_DIR), so
# that both rates are the programs' work.  On disk perf put a third of a
# run in ext4's inode allocator (recently_deleted, which steps over the
# inodes freed in the last minutes, one inode table block after another)
# when earlier runs had just deleted their feeds, and the same run took 5.4
# or 10.8 s: a cost of what the file system deleted before, not of hop.
# One run on disk follows, shown with its system time.
PUB_RUNS=${BENCH_PUB_RUNS:-3}
pub_tmpfs() {   # a new directory in memory, or nothing
	[ -n "${BENCH_FEEDS_DIR:-}" ] && { mktemp -d "$BENCH_FEEDS_DIR/hop-feeds.XXXXXX"; return; }
	[ "$(stat -f -c %T /dev/shm 2>/dev/null)" = tmpfs ] || return 0
	# 316 MB at 20,000 people: room for twice that.
	[ "$(df -Pm /dev/shm | awk 'NR == 2 { print $4 }')" -gt 1024 ] || return 0
	mktemp -d /dev/shm/hop-feeds.XXXXXX
}
pub_dir=$(pub_tmpfs)
if [ -n "$pub_dir" ]; then pub_where="in memory"; rmdir "$pub_dir"
else pub_dir="$S/feeds"; pub_where="on disk (no tmpfs with room)"; fi
pub_fail() { cat "$1" >&2; rm -rf "$pub_dir"; exit 1; }
# The feeds in memory go however the bench ends, with BENCH_KEEP too: they
# hold 300 MB of RAM.
if [ "${BENCH_KEEP:-0}" = 1 ]; then trap 'rm -rf "$pub_dir"' EXIT
else trap 'rm -rf "$S" "$pub_dir"' EXIT; fi
trap 'exit 130' INT TERM
say "bench: hop feeds publish $pub_where, $PUB_RUNS runs and the libical loop between, then once more ..."
: > "$S/pub.rates"; : > "$S/pubbase.rates"; : > "$S/pub.kb"
r=0
while [ "$r" -lt "$PUB_RUNS" ]; do
	mkdir "$pub_dir" || exit 1
	t0=$(now_ns)
	peak_kb "$S/pub1.kb" "$HOP" feeds publish "$pub_dir" > "$S/pub1.out" || pub_fail "$S/pub1.out"
	pub1_ms=$(ms_since "$t0")
	cat "$S/pub1.kb" >> "$S/pub.kb"
	if [ "$r" = 0 ]; then
		pub_events=$(cat "$pub_dir"/*.ics | grep -c '^BEGIN:VEVENT')
		pub_size=$(du -sm "$pub_dir" | cut -f1)
		pub_feeds=$(sed -n 's/^\([0-9]*\) feeds in .*/\1/p' "$S/pub1.out")
		# The second run: nothing changed.
		t0=$(now_ns)
		peak_kb "$S/pub2.kb" "$HOP" feeds publish "$pub_dir" > "$S/pub2.out" || pub_fail "$S/pub2.out"
		pub2_ms=$(ms_since "$t0")
		cat "$S/pub2.kb" >> "$S/pub.kb"
		pub_rewritten=$(sed -n 's/.*files written \([0-9]*\),.*/\1/p' "$S/pub2.out")
	fi
	awk -v n="$pub_events" -v m="$pub1_ms" 'BEGIN { printf "%.0f\n", n * 1000 / m }' >> "$S/pub.rates"
	rm -rf "$pub_dir"
	mkdir "$pub_dir" || exit 1
	out=$("$BIN/ics_baseline" "$pub_events" - "$pub_feeds" "$pub_dir") || pub_fail /dev/null
	rm -rf "$pub_dir"
	set -- $out
	awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f\n", n / s }' >> "$S/pubbase.rates"
	r=$((r + 1))
done
pub_rate=$(median < "$S/pub.rates")
pubbase_rate=$(median < "$S/pubbase.rates")
pub_mb=$(sort -g "$S/pub.kb" | tail -1 | awk '{ printf "%.1f", $1 / 1024 }')

# The same first run on disk, for orientation (no budget): its wall time
# and the system's share of it.
pub_disk="$S/feeds.disk"
mkdir "$pub_disk"
t0=$(now_ns)
if [ -x /usr/bin/time ]; then
	/usr/bin/time -f '%S' -o "$S/pubd.sys" "$HOP" feeds publish "$pub_disk" > "$S/pubd.out" ||
		pub_fail "$S/pubd.out"
else
	"$HOP" feeds publish "$pub_disk" > "$S/pubd.out" || pub_fail "$S/pubd.out"
	echo "?" > "$S/pubd.sys"
fi
pubd_ms=$(ms_since "$t0")
pubd_sys=$(tail -1 "$S/pubd.sys")
pubd_rate=$(awk -v n="$pub_events" -v m="$pubd_ms" 'BEGIN { printf "%.0f", n * 1000 / m }')
rm -rf "$pub_disk"
