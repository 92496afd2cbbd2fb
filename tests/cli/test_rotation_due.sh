#!/bin/sh
# Work areas, rotations due, exceptions and Hospitation through the binary:
# the issue's case (two posts in one corruption-prone area from 01.04.2021:
# due 01.04.2026), the csv columns, --within, exceptions refused without a
# reason and changing nothing, who may see what, German output.
. "$(dirname "$0")/lib.sh"

dump() { db_dump; }
# col CSVFILE KEYCOL KEY COL: the value of COL in the row whose KEYCOL is KEY
col() {
	tr -d '\r' <"$1" | awk -F, -v k="$2" -v key="$3" -v c="$4" '
		NR == 1 { for (i = 1; i <= NF; i++) h[$i] = i; next }
		$h[k] == key { print $h[c]; exit }'
}

expect_ok "init" init --name "Tess Ter"
expect_ok "team Vergabe A" team add "Vergabe A"
expect_ok "team Vergabe B" team add "Vergabe B"
expect_ok "team Kasse" team add "Kasse"
expect_ok "team Referat 11" team add "Referat 11"
expect_ok "lead" person add chef --name "Carla Chef" --team "Referat 11" --start 2019-05-01 --roles employee,lead
expect_ok "lead of the team" team edit "Referat 11" --lead chef
expect_ok "anna" person add anna --name "Anna Alt" --start 2021-04-01
expect_ok "anna's first post" assign anna "Vergabe A" --from 2021-04-01 --until 2024-03-31
expect_ok "anna's second post" assign anna "Vergabe B" --from 2024-04-01
expect_ok "bernd" person add bernd --name "Bernd Bach" --team "Kasse" --start 2020-01-01
expect_ok "otto" person add otto --name "Otto Ort" --team "Referat 11" --start 2024-01-01

# ---- areas ----
expect_ok "area Vergabe" area add Vergabe --teams "Vergabe A, Vergabe B" --corruption-prone
has "$OUT" "Work area Vergabe added." "the area is added"
expect_ok "area Kasse" area add Kasse --teams kasse --years 8 --reviewed 2020-01-01
expect_ok "list areas" area list --format csv
eq "$(sed -n 1p "$OUT" | tr -d '\r')" "name,corruption_prone,years,period_years,reviewed,review_due,teams" "the areas' csv columns"
eq "$(col "$OUT" name Vergabe period_years)" "5" "a corruption-prone area: [policy] rotation_years"
eq "$(col "$OUT" name Vergabe reviewed)" "2026-11-23" "reviewed today when added"
eq "$(col "$OUT" name Kasse period_years)" "8" "the area's own period"

# ---- the due list ----
expect_ok "due list" rotation due --format csv
eq "$(sed -n 1p "$OUT" | tr -d '\r')" "login,name,team,area,lead,since,due,period_years,overdue,exception,review" "the due list's csv columns"
eq "$(col "$OUT" login anna area)" "Vergabe" "anna's area"
eq "$(col "$OUT" login anna since)" "2021-04-01" "since the first post in the area"
eq "$(col "$OUT" login anna due)" "2026-04-01" "due on 01.04.2026"
eq "$(col "$OUT" login anna overdue)" "yes" "and overdue on 23.11.2026"
eq "$(col "$OUT" login chef lead)" "yes" "the lead is due as a lead"
eq "$(col "$OUT" login chef due)" "2024-05-01" "after five years in the team"
eq "$(col "$OUT" login bernd due)" "" "Kasse's eight years are not due within 12 months"
expect_ok "due within 2y" rotation due --within 2y --format csv
eq "$(col "$OUT" login bernd due)" "2028-01-01" "eight years from his start in Kasse"
HOP_TODAY=2025-12-01 expect_ok "a year earlier, 6 months ahead" rotation due --within 6m --format csv
eq "$(col "$OUT" login anna due)" "2026-04-01" "due in four months: listed"
HOP_TODAY=2025-12-01 expect_ok "three months ahead" rotation due --within 3 --format csv
eq "$(col "$OUT" login anna due)" "" "not within three months"
expect_ok "due table" rotation due
has "$OUT" "Anna Alt" "the table names anna"
expect_ok "the team's due list" rotation due --team "Referat 11" --format csv
eq "$(col "$OUT" login anna due)" "" "only the team's members"

# ---- review notes ----
HOP_TODAY=2030-01-01 expect_ok "years later" rotation due --format csv
has "$ERR" "hop: note: the corruption-prone flag of work area Vergabe was last reviewed on" "an area due for review is noted"
HOP_TODAY=2030-01-01 expect_ok "review due" area list --review-due --format csv
eq "$(col "$OUT" name Vergabe review_due)" "yes" "listed as due for review"
HOP_TODAY=2030-01-01 expect_ok "reviewed" area review Vergabe
HOP_TODAY=2030-01-01 expect_ok "nothing due for review" area list --review-due
has "$OUT" "No work area is due for review." "no longer due"

# ---- exceptions ----
expect_ok "today again" rotation due
before=$(dump)
expect_fail "no reason" 1 rotation exception anna --measure "Vier-Augen-Prinzip" --review 2027-06-30
has "$ERR" "missing: the reason" "the refusal names the missing reason"
expect_fail "nothing" 1 rotation exception anna
has "$ERR" "missing: the reason, the compensating measure, the review date" "and everything missing"
expect_fail "a past review" 1 rotation exception anna --reason "Fachwissen" --measure "Vier-Augen-Prinzip" --review 2026-01-01
expect_fail "no rotation due" 1 rotation exception otto --reason "x" --measure "y" --review 2027-06-30
has "$ERR" "Otto Ort has no rotation due; an exception is for staying past a due date" "no due date, no exception"
eq "$(dump)" "$before" "refused exceptions changed nothing"
expect_ok "an exception" rotation exception anna --reason "Fachwissen Vergaberecht" --measure "Vier-Augen-Prinzip" --review 2027-06-30
expect_ok "exceptions" rotation exceptions --format csv
eq "$(col "$OUT" login anna reason)" "Fachwissen Vergaberecht" "the reason is listed"
eq "$(col "$OUT" login anna review)" "2027-06-30" "with its review date"
eq "$(col "$OUT" login anna area)" "Vergabe" "and the area"
expect_ok "due list with the exception" rotation due --format csv
eq "$(col "$OUT" login anna exception)" "yes" "the due list shows the exception"
eq "$(col "$OUT" login anna review)" "2027-06-30" "and its review"
eq "$(sql "SELECT count(*) FROM audit WHERE action = 'rotation.exception'")" "1" "audited"
expect_ok "end it" rotation exception anna --end
expect_ok "none in force" rotation exceptions
has "$OUT" "No rotation exception is on file." "ended"
expect_ok "all" rotation exceptions --all --format csv
eq "$(col "$OUT" login anna ended)" "2026-11-23" "kept with its end"
expect_fail "nothing to end" 3 rotation exception anna --end
has "$ERR" "'hop rotation exceptions' lists those in force" "with advice"

# ---- permissions ----
HOP_USER=anna expect_ok "anna sees herself" rotation due --all --format csv
eq "$(col "$OUT" login anna due)" "2026-04-01" "her own row"
eq "$(col "$OUT" login chef due)" "" "not others'"
HOP_USER=chef expect_ok "the lead sees the team" rotation due --all --format csv
eq "$(col "$OUT" login chef due)" "2024-05-01" "the lead's own row"
eq "$(col "$OUT" login anna due)" "" "not another team"
HOP_USER=chef expect_fail "not another team" 4 rotation due --team "Vergabe B"
HOP_USER=anna expect_fail "an employee adds no area" 4 area add X --teams Kasse
HOP_USER=anna expect_fail "nor exceptions" 4 rotation exception anna --reason x --measure y --review 2027-01-01

# ---- Hospitation ----
expect_ok "a secondment" assign otto "Kasse" --from 2026-03-02 --until 2026-03-13 --kind secondment
expect_ok "hospitation" rotation hospitation --year 2026 --format csv
eq "$(sed -n 1p "$OUT" | tr -d '\r')" "login,name,team,days,target" "the Hospitation csv columns"
eq "$(col "$OUT" login anna days)" "0" "anna had none"
eq "$(col "$OUT" login otto days)" "" "otto reached the target: ten working days"
expect_ok "hospitation all" rotation hospitation --year 2026 --all --format csv
eq "$(col "$OUT" login otto days)" "10" "two weeks are ten working days"
expect_ok "a secondment over Easter" assign bernd "Referat 11" --from 2026-03-30 --until 2026-04-10 --kind secondment
expect_ok "hospitation" rotation hospitation --year 2026 --format csv
eq "$(col "$OUT" login bernd days)" "8" "Good Friday and Easter Monday are no working days"

# ---- bad input ----
before=$(dump)
expect_fail "an unknown team" 3 area add Neu --teams "Referat 99"
expect_fail "a team in another area" 5 area add Neu --teams "Vergabe A"
has "$ERR" "team Vergabe A already belongs to work area Vergabe" "the area is named"
expect_fail "--years 0" 2 area add Neu --teams "Referat 11" --years 0
expect_fail "no teams" 2 area add Neu
expect_fail "a bad --within" 2 rotation due --within soon
expect_fail "an unknown area" 3 area edit Nirgends --years 3
has "$ERR" "'hop area list' shows the work areas" "with advice"
expect_fail "an unknown team for the due list" 3 rotation due --team "Referat 99"
eq "$(dump)" "$before" "bad input changed nothing"

# ---- German ----
LC_ALL=de_DE.UTF-8 LANG=de_DE.UTF-8 expect_fail "refused in German" 1 rotation exception anna --measure x --review 2027-06-30
has "$ERR" "Begründung" "the refusal in German"
LC_ALL=de_DE.UTF-8 LANG=de_DE.UTF-8 expect_ok "the due list in German" rotation due --wide
has "$OUT" "Arbeitsgebiet" "the table's heading in German"

finish
