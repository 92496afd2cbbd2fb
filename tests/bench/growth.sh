# Sourced by tests/bench/run.sh (its variables and helpers in scope: HOP, BIN,
# S, DB, DAY, median, now_ns, ms_since, say, q).
# ---- growth (issue 16): the everyday paths at 1,000, 5,000 and 20,000 people ----------
# The same paths on three organisations made by the same generator ('hop init
# --people N'; the largest is the bench's own), each whole-process as a
# person types it, the median of GROWTH_RUNS runs interleaved, beside the
# baseline of the main table: one 'hop book DESK' process on the same
# organisation in the same loop.  No budget: the growth from 1,000 to 20,000
# people (20 times the people, desks and bookings) shows a path that grows
# faster than the organisation.  People search is the People screen's
# median key of a search typed letter by letter (tests/bench/tui_time).
# ---- the iCalendar rates of section 6 and 7 against the libical loop (issue 16) ----------
# 'export ics --site' must stream a site's bookings, and 'feeds publish'
# writing everything (25,000 files into an empty directory in memory, every
# event read from the database) its feeds, at 70 % of the libical loop's
# rate at least: for publishing, the loop writing as many events into as
# many files, run between its runs (publish.sh says why, and why in memory).
ok_site=$(awk -v a="$site_rate" -v b="$icsbase_rate" 'BEGIN { print (a >= 0.7 * b) }')
ok_pubrate=$(awk -v a="$pub_rate" -v b="$pubbase_rate" 'BEGIN { print (a >= 0.7 * b) }')
for ok in $ok_site $ok_pubrate; do [ "$ok" = 1 ] || fails=$((fails + 1)); done
printf '%-34s %-18s %-32s %-16s %s\n' "export ics --site, events/s" "$site_rate" "libical loop $icsbase_rate" ">= 70% of loop" \
	"$(verdict "$ok_site") ($(awk -v a="$site_rate" -v b="$icsbase_rate" 'BEGIN { printf "%.0f%%", 100 * a / b }'))"
printf '%-34s %-18s %-32s %-16s %s\n' "feeds publish, all, events/s" "$pub_rate" "libical, as many files $pubbase_rate" ">= 70% of loop" \
	"$(verdict "$ok_pubrate") ($(awk -v a="$pub_rate" -v b="$pubbase_rate" 'BEGIN { printf "%.0f%%", 100 * a / b }'))"
printf '%-34s %-18s %-32s %-16s %s\n' "  once more on disk, events/s" "$pubd_rate" "libical, as many files $pubbase_rate" "-" \
	"$(awk -v a="$pubd_rate" -v b="$pubbase_rate" 'BEGIN { printf "%.0f%%", 100 * a / b }'), system time $pubd_sys s"
. ./tests/bench/calcurse.sh
echo "$cal_row"
echo
GROWTH_RUNS=${BENCH_GROWTH_RUNS:-3}
GROWTH_SIZES="1000 5000 $PEOPLE"
if [ "$PEOPLE" -le 5000 ]; then
	echo "growth: left out (the organisation of $PEOPLE people is not above the smaller two)"
	echo
else
say "bench: growth at $GROWTH_SIZES people, $GROWTH_RUNS runs each ..."
g_one() {   # g_one FILE CMD...: run CMD, its wall time in ms appended to FILE
	g_out=$1; shift
	t0=$(now_ns)
	"$@" > "$S/g.out" 2> "$S/g.err" || { say "bench: growth: $* failed: $(head -c 300 "$S/g.err")"; exit 1; }
	ms_since "$t0" >> "$g_out"
	echo >> "$g_out"
}
for n in $GROWTH_SIZES; do
	if [ "$n" = "$PEOPLE" ]; then gdb=$DB
	else
		gdb=$S/grow$n.db
		HOP_DB=$gdb "$HOP" init --people "$n" --name "Bench Admin" > "$S/g.out" 2>&1 ||
			{ cat "$S/g.out" >&2; exit 1; }
	fi
	gq() { sqlite3 -readonly "$gdb" "$1"; }
	# A desk of its own, as the main table's 'hop book DESK' has, and a
	# person free on DAY to book it.
	HOP_DB=$gdb "$HOP" zone add "Dienstgebäude Mitte" Erdgeschoss Growth --level 0 > /dev/null &&
		HOP_DB=$gdb "$HOP" desk add G.00 --zone "Dienstgebäude Mitte/Erdgeschoss/Growth" > /dev/null || exit 1
	gbooker=$(gq "SELECT login FROM person p WHERE p.start_date <= '$HOP_TODAY' AND p.end_date IS NULL
		AND p.roles = 1 AND NOT EXISTS (SELECT 1 FROM booking b WHERE b.person_id = p.id
		AND b.day = '$DAY' AND b.cancelled_at IS NULL) ORDER BY p.id DESC LIMIT 1")
	gsite=$(gq "SELECT slug FROM site ORDER BY id LIMIT 1")
	gfrom=$(gq "SELECT min(day) FROM booking")
	gto=$(date -u -d "$gfrom + 364 day" +%F)
	for m in book free any who site publish import; do : > "$S/g.$m.$n"; done
	r=0
	while [ "$r" -lt "$GROWTH_RUNS" ]; do
		# New people, a tenth of the organisation, with logins of this run.
		awk -v n="$((n / 10))" -v r="$r" 'BEGIN { print "login,name,team"
			for (i = 1; i <= n; i++) printf "grow%d_%05d,Zuwachs %d-%d,Growth %d\n", r, i, r, i, i % 20 }' \
			> "$S/grow.csv"
		(
			export HOP_DB="$gdb"
			HOP_USER=$gbooker "$HOP" cancel "$DAY" > /dev/null 2>&1
			HOP_USER=$gbooker g_one "$S/g.book.$n" "$HOP" book "$DAY" G.00
			HOP_USER=$gbooker "$HOP" cancel "$DAY" > /dev/null 2>&1
			HOP_USER=$gbooker g_one "$S/g.free.$n" "$HOP" free "$DAY"
			HOP_USER=$gbooker g_one "$S/g.any.$n" "$HOP" book "$DAY" --any
			HOP_USER=$gbooker "$HOP" cancel "$DAY" > /dev/null 2>&1
			g_one "$S/g.who.$n" "$HOP" who "$DAY"
			g_one "$S/g.site.$n" "$HOP" export ics --site "$gsite" --from "$gfrom" --to "$gto"
			g_one "$S/g.import.$n" "$HOP" import people "$S/grow.csv" --create-teams
		) || exit 1
		r=$((r + 1))
	done
	# Publishing once after the writes above, then again with nothing changed.
	mkdir -p "$S/gfeeds$n"
	HOP_DB=$gdb "$HOP" feeds publish "$S/gfeeds$n" > /dev/null || exit 1
	r=0
	while [ "$r" -lt "$GROWTH_RUNS" ]; do
		HOP_DB=$gdb g_one "$S/g.publish.$n" "$HOP" feeds publish "$S/gfeeds$n"
		grep -q 'files written 0,' "$S/g.out" ||
			{ say "bench: growth: publishing again rewrote feeds: $(cat "$S/g.out")"; exit 1; }
		r=$((r + 1))
	done
	HOP_TODAY="$HOP_TODAY" "$BIN/tui_time" "$gdb" benchadmin 1 > "$S/g.tui.$n" || exit 1
	awk '$2 == "People" { print $5 }' "$S/g.tui.$n" > "$S/g.search.$n"
	[ "$gdb" = "$DB" ] || rm -f "$gdb" "$gdb-wal" "$gdb-shm"
	rm -rf "$S/gfeeds$n"
done
g_med() { grep . "$S/g.$1.$2" | median; }
printf '%-34s %12s %12s %12s %10s %s\n' "growth (median ms)" "1,000" "5,000" "$PEOPLE" "last/first" "per 'hop book DESK'"
for m in book free any who search import publish site; do
	case $m in
	book) label="'hop book DESK' (the baseline)" ;;
	free) label="'hop free DAY'" ;;
	any) label="'hop book DAY --any'" ;;
	who) label="'hop who DAY'" ;;
	search) label="People search, a key" ;;
	import) label="'import people', a tenth new" ;;
	publish) label="'feeds publish', nothing changed" ;;
	site) label="'export ics --site', a year" ;;
	esac
	set -- $GROWTH_SIZES
	a=$(g_med "$m" "$1"); b=$(g_med "$m" "$2"); c=$(g_med "$m" "$3")
	base=$(g_med book "$3")
	printf '%-34s %12s %12s %12s %10s %s\n' "$label" "$a" "$b" "$c" \
		"$(awk -v a="$a" -v c="$c" 'BEGIN { if (a > 0) printf "%.1fx", c / a; else print "-" }')" \
		"$(awk -v c="$c" -v b="$base" -v m="$m" 'BEGIN { if (b > 0 && m != "search") printf "%.2fx", c / b; else print "-" }')"
done
echo "growth: the organisations of 'hop init --people N' ($GROWTH_SIZES people; 20 times the people, desks and" \
	"bookings from the first to the last); each path's median of $GROWTH_RUNS whole processes; a growth far above" \
	"$((PEOPLE / 1000))x is a path that grows faster than the organisation."
# 'hop who DAY' lists everyone in that day (8,000 rows at 20,000 people):
# within 3 single bookings' processes on the largest organisation, growing
# no faster than it (issue 16).
set -- $GROWTH_SIZES
ok_who_g=$(awk -v a="$(g_med who "$1")" -v c="$(g_med who "$3")" -v b="$(g_med book "$3")" \
	-v n="$(($3 / $1))" 'BEGIN { print (c <= 3 * b && c <= n * a) }')
[ "$ok_who_g" = 1 ] || fails=$((fails + 1))
echo "growth: 'hop who DAY' at $3 people $(g_med who "$3") ms, $(awk -v c="$(g_med who "$3")" \
	-v b="$(g_med book "$3")" 'BEGIN { printf "%.2fx", c / b }') 'hop book DESK' (<= 3x), grown" \
	"$(awk -v a="$(g_med who "$1")" -v c="$(g_med who "$3")" 'BEGIN { printf "%.1fx", c / a }') from $1 people" \
	"(<= $(($3 / $1))x): $(verdict "$ok_who_g")."
echo
fi
