# Sourced by tests/bench/growth.sh (run.sh's variables in scope: S, site_events,
# site_rate, now_ns, ms_since, say, verdict, fails).
# ---- 'export ics --site' against calcurse exporting as many events (issue 16) ---------
# calcurse (Debian's, installed by '.ci/deps --test') reads an appointments
# file of as many events as hop's site export wrote, spread over the same 100
# days (bookings of a morning each, desk and person in the summary), and
# exports it as iCalendar to standard output (-x), read-only.  One run: it
# takes seconds where hop takes a fraction of one.  Budget: hop's export at a
# higher rate (events per second, the whole process each).
if ! command -v calcurse > /dev/null 2>&1; then
	cal_row="left out: calcurse is not installed (.ci/deps --test installs it)"
else
	say "bench: calcurse exporting $site_events events as iCalendar ..."
	rm -rf "$S/cal"; mkdir -p "$S/cal/data" "$S/cal/conf"; : > "$S/cal/data/todo"
	awk -v n="$site_events" 'BEGIN {
		per = int((n + 99) / 100)
		for (i = 0; i < n; i++) {
			t = 1767225600 + 86400 * int(i / per)      # from 2026-01-01, a day per "per" events
			cmd = "date -u -d @" t " +%m/%d/%Y"
			if (!(t in day)) { cmd | getline d; close(cmd); day[t] = d }
			printf "%s @ 08:00 -> %s @ 12:00 |Schreibtisch B.%03d – Jürgen Weiß-Öztürk %d\n",
				day[t], day[t], i % 500, i
		}
	}' > "$S/cal/data/apts"
	t0=$(now_ns)
	calcurse -D "$S/cal/data" -C "$S/cal/conf" --read-only -x > "$S/cal/out.ics" 2> "$S/cal/err" ||
		say "bench: calcurse failed: $(head -c 300 "$S/cal/err")"
	cal_ms=$(ms_since "$t0")
	cal_events=$(grep -c '^BEGIN:VEVENT' "$S/cal/out.ics")
	cal_rate=$(awk -v n="$cal_events" -v m="$cal_ms" 'BEGIN { printf "%.0f", (m > 0 ? n * 1000 / m : 0) }')
	ok_cal=$(awk -v a="$site_rate" -v b="$cal_rate" -v n="$cal_events" -v w="$site_events" \
		'BEGIN { print (n == w && a > b) }')
	[ "$ok_cal" = 1 ] || fails=$((fails + 1))
	cal_row=$(printf '%-34s %-18s %-32s %-16s %s' "export ics --site, events/s" "$site_rate" \
		"calcurse -x, $cal_events events $cal_rate" "faster" \
		"$(verdict "$ok_cal") ($(awk -v a="$site_rate" -v b="$cal_rate" 'BEGIN { printf "%.1fx", (b > 0 ? a / b : 0) }'))")
	rm -rf "$S/cal"
fi
