# Sourced by run.sh after section 3 (query_time): the statements with which
# plain SQLite (tests/bench/raw_read: every row stepped, every column read)
# reads what 'hop who' and the Desks screen show on $DAY, and their warm
# medians, the baselines of those two budgets; paths.sh times the Desks rows
# again cold, the screens' reference; raw_forecast, below, the forecast's.
RAW_WHO="SELECT b.am, b.pm, p.login, p.name, t.name, d.code, z.name FROM booking b
	JOIN person p ON p.id = b.person_id LEFT JOIN team t ON t.id = p.team_id JOIN desk d ON
	d.id = b.desk_id JOIN zone z ON z.id = d.zone_id WHERE b.day = '$DAY' AND b.cancelled_at IS NULL"
RAW_PLACES="SELECT d.id, d.code, d.name, d.kind, d.attrs, o.name, z.name, f.name, s.name FROM desk d
	LEFT JOIN person o ON o.id = d.owner_id JOIN zone z ON z.id = d.zone_id
	JOIN floor f ON f.id = z.floor_id JOIN site s ON s.id = f.site_id"
RAW_DAY="SELECT b.desk_id, b.am, b.pm, p.login, p.name FROM booking b JOIN person p ON
	p.id = b.person_id WHERE b.day = '$DAY' AND b.cancelled_at IS NULL"
"$BIN/raw_read" "$DB" "$QUERY_RUNS" "$RAW_WHO" > "$S/raw_who.out" || exit 1
"$BIN/raw_read" "$DB" "$QUERY_RUNS" "$RAW_PLACES" "$RAW_DAY" > "$S/raw_desks.out" || exit 1
who_base_ms=$(awk '{ print $4 }' "$S/raw_who.out"); view_base_ms=$(awk '{ print $4 }' "$S/raw_desks.out")
# raw_forecast: the warm median of plain SQLite reading what the forecast of
# WEEK_MON..WEEK_FRI must read at the least: who is employed, their weekly
# defaults, the week's entries, posts and bookings (with each desk's site).
raw_forecast() {
	"$BIN/raw_read" "$DB" "$QUERY_RUNS" \
		"SELECT id, coalesce(team_id, 0), start_date, end_date FROM person
		 WHERE start_date <= '$WEEK_FRI' AND (end_date IS NULL OR end_date >= '$WEEK_MON')" \
		"SELECT person_id, weekday, location FROM presence_default" \
		"SELECT person_id, day, location FROM presence WHERE day BETWEEN '$WEEK_MON' AND '$WEEK_FRI'" \
		"SELECT person_id, team_id, start_on, end_on FROM membership
		 WHERE start_on <= '$WEEK_FRI' AND (end_on IS NULL OR end_on >= '$WEEK_MON')" \
		"SELECT b.person_id, b.day, f.site_id FROM booking b JOIN desk d ON d.id = b.desk_id
		 JOIN zone z ON z.id = d.zone_id JOIN floor f ON f.id = z.floor_id
		 WHERE b.day BETWEEN '$WEEK_MON' AND '$WEEK_FRI' AND b.cancelled_at IS NULL
		 AND b.is_room = 0" | awk '{ print $4 }'
}
