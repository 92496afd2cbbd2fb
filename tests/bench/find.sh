# Sourced by tests/bench/run.sh: person_find and team_find on the
# benchmark organisation (a login is the baseline).
# ---- 3b. person_find and team_find: a login (the baseline), a name typed without umlauts, a team with "-" for "–"
FIND_NAME=$(q "SELECT replace(replace(replace(name, 'ä', 'ae'), 'ü', 'ue'), 'ß', 'ss') FROM person WHERE end_date IS NULL GROUP BY name HAVING count(*) = 1 ORDER BY name LIMIT 1 OFFSET 100")
FIND_TEAM=$(q "SELECT replace(name, '–', '-') FROM team WHERE dissolved_on IS NULL ORDER BY name LIMIT 1 OFFSET 50")
"$BIN/find_time" "$DB" "$VIEWER" "$QUERY_RUNS" "person:$VIEWER" "person:$FIND_NAME" "team:$FIND_TEAM" > "$S/find.out" || exit 1
{ read -r _ _ _ find_login_ms _; read -r _ _ find_name_st find_name_ms _; read -r _ _ find_team_st find_team_ms _; } <"$S/find.out"
