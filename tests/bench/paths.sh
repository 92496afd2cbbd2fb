# Sourced by tests/bench/run.sh (its variables and helpers in scope).
# ---- everyday paths (issue 16): 'hop free' and 'hop book --any' ----------------------
# Whole processes, as a person types them, against one 'hop book DESK' process
# measured in the same loop (interleaved, so that a noisy moment hits all
# three).  Both must stay within a few single bookings: they look at every
# desk of the organisation and at the day's bookings once, not once per desk.
say "bench: hop free and hop book --any vs hop book DESK, $BOOK_RUNS runs each ..."
export HOP_USER="$BOOKER"
: > "$S/p_book.ms"; : > "$S/p_free.ms"; : > "$S/p_any.ms"
r=0
while [ "$r" -lt "$BOOK_RUNS" ]; do
	"$HOP" cancel "$DAY" > /dev/null 2>&1
	t0=$(now_ns); "$HOP" book "$DAY" B.00 > /dev/null || exit 1; ms_since "$t0" >> "$S/p_book.ms"; echo >> "$S/p_book.ms"
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
