# Sourced by tests/bench/run.sh (its variables and helpers in scope).
# ---- everyday paths (issue 16): 'hop free' and 'hop book --any' ----------------------
# Whole processes, as a person types them, against one 'hop book DESK' process
# measured in the same loop (interleaved, so that a noisy moment hits all
# three).  Both must stay within a few single bookings: they look at every
# desk of the organisation and at the day's bookings once, not once per desk.
say "bench: hop free and hop book --any vs hop book DESK, $BOOK_RUNS runs each ..."
# A desk of its own (the races above leave B.00's morning taken).
"$HOP" desk add B.99 --zone "Dienstgebäude Mitte/Erdgeschoss/Benchmark" > /dev/null || exit 1
export HOP_USER="$BOOKER"
: > "$S/p_book.ms"; : > "$S/p_free.ms"; : > "$S/p_any.ms"
r=0
while [ "$r" -lt "$BOOK_RUNS" ]; do
	"$HOP" cancel "$DAY" > /dev/null 2>&1
	t0=$(now_ns); "$HOP" book "$DAY" B.99 > /dev/null || exit 1; ms_since "$t0" >> "$S/p_book.ms"; echo >> "$S/p_book.ms"
	"$HOP" cancel "$DAY" > /dev/null 2>&1
	t0=$(now_ns); "$HOP" free "$DAY" > "$S/p_free.out" || exit 1; ms_since "$t0" >> "$S/p_free.ms"; echo >> "$S/p_free.ms"
	t0=$(now_ns); "$HOP" book "$DAY" --any > /dev/null || exit 1; ms_since "$t0" >> "$S/p_any.ms"; echo >> "$S/p_any.ms"
	r=$((r + 1))
done
"$HOP" cancel "$DAY" > /dev/null 2>&1
export HOP_USER=benchadmin
p_book_ms=$(grep . "$S/p_book.ms" | median)
p_free_ms=$(grep . "$S/p_free.ms" | median)
p_any_ms=$(grep . "$S/p_any.ms" | median)
p_free_rows=$(($(wc -l < "$S/p_free.out") - 2))
ok_free=$(awk -v a="$p_free_ms" -v b="$p_book_ms" -v n="$p_free_rows" 'BEGIN { print (a <= 3 * b && n > 0) }')
ok_any=$(awk -v a="$p_any_ms" -v b="$p_book_ms" 'BEGIN { print (a <= 3 * b) }')
for ok in $ok_free $ok_any; do [ "$ok" = 1 ] || fails=$((fails + 1)); done
printf '%-34s %-18s %-32s %-16s %s\n' "measure (median)" "hop" "baseline, same run" "budget" "result"
printf '%-34s %-18s %-32s %-16s %s\n' "'hop free $DAY', ms ($p_free_rows rows)" "$p_free_ms" "'hop book DESK' $p_book_ms" "<= 3x" \
	"$(verdict "$ok_free") ($(awk -v a="$p_free_ms" -v b="$p_book_ms" 'BEGIN { printf "%.2fx", a / b }'))"
printf '%-34s %-18s %-32s %-16s %s\n' "'hop book $DAY --any', ms" "$p_any_ms" "'hop book DESK' $p_book_ms" "<= 3x" \
	"$(verdict "$ok_any") ($(awk -v a="$p_any_ms" -v b="$p_book_ms" 'BEGIN { printf "%.2fx", a / b }'))"
echo
# ---- every screen, headless: first showing and each key (issue 16) ---------------------
# tests/bench/tui_time drives the real dispatch and drawing on curses over
# /dev/null at 80x24 as an admin: each tab's first showing (read and draw),
# the idle steps in which a screen reads the rest of its rows while its
# first page is looked at (People), then a walk of moving keys (and a
# search typed on People), three rounds.  Three processes; per tab the
# median of their first showings, key medians, slowest keys and slowest
# idle steps.  Budgets: a tab shown within 50 ms, as 3 times plain SQLite
# reading the Desks screen's rows (every place, the day's bookings with
# names) in a fresh connection (tests/bench/raw_read, cold: about 17 ms on a
# quiet 2-core host; both slow down together on a busy one); a key redrawn
# within a frame (16 ms) at the median, the slowest key and the slowest idle
# step (a key pressed during one waits for it) within 50 ms.
say "bench: the screens headless, first showing and keys, 3 processes ..."
: > "$S/tui.all"; : > "$S/raw_cold.all"
for r in 1 2 3; do
	HOP_TODAY="$HOP_TODAY" "$BIN/tui_time" "$DB" benchadmin 3 >> "$S/tui.all" || exit 1
	"$BIN/raw_read" "$DB" 1 "$RAW_PLACES" "$RAW_DAY" >> "$S/raw_cold.all" || exit 1
done
tui_med() {   # tui_med TAB FIELD: the median over the runs of field FIELD of TAB's lines
	awk -v t="$1" -v f="$2" '$2 == t { print $f }' "$S/tui.all" | median
}
cold=$(awk '{ print $3 }' "$S/raw_cold.all" | median)
printf '%-34s %-18s %-32s %-16s %s\n' "screen (80x24, admin)" "first showing, ms" "keys median / slowest; idle, ms" "budget" "result"
for name in $(awk '$1 == "tab" { print $2 }' "$S/tui.all" | awk '!seen[$0]++'); do
	open=$(tui_med "$name" 3); nkeys=$(tui_med "$name" 4); med=$(tui_med "$name" 5)
	max=$(tui_med "$name" 6); steps=$(tui_med "$name" 7); idle=$(tui_med "$name" 8)
	ok=$(awk -v o="$open" -v w="$cold" -v m="$med" -v x="$max" -v i="$idle" \
		'BEGIN { print (o <= 3 * w && m < 16 && x < 50 && i < 50) }')
	[ "$ok" = 1 ] || fails=$((fails + 1))
	if [ "$steps" != 0 ]; then idle_note="; $idle ($steps steps)"; else idle_note=""; fi
	printf '%-34s %-18s %-32s %-16s %s\n' "$name ($nkeys keys)" "$open" "$med / $max$idle_note" \
		"<=3x raw/16/50" "$(verdict "$ok") ($(awk -v o="$open" -v w="$cold" 'BEGIN { printf "%.2fx", o / w }'))"
done
echo "(raw: plain SQLite reading the Desks screen's rows in a fresh connection, $cold ms)"
echo
