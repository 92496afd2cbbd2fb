#!/bin/sh
# hop team add|list|show|edit|remove, through the binary.
. "$(dirname "$0")/lib.sh"

expect_ok "init" init --name "Tess Ter"
expect_ok "person add" person add aberg --name "Anna Berg"
expect_ok "team add with lead" team add "Referat Z 1 – Öffentlichkeit" --lead aberg
has "$OUT" "referat-z-1-oeffentlichkeit" "add prints the slug"
eq "$(sql "SELECT roles FROM person WHERE login = 'aberg'")" "3" "the lead got the lead role"
expect_ok "log shows role grant" log --team referat-z-1-oeffentlichkeit --format csv
has "$OUT" "lead role granted" "audit detail records the grant"
expect_fail "duplicate name" 5 team add "REFERAT z 1 – Öffentlichkeit"
expect_ok "same slug, other name" team add "Referat Z 1 / Öffentlichkeit"
has "$OUT" "referat-z-1-oeffentlichkeit-2" "slug made unique"
expect_fail "unknown lead" 3 team add "Other" --lead nobody
expect_fail "no name" 2 team add
HOP_USER=aberg expect_fail "lead cannot add teams" 4 team add "Mine"
has "$ERR" "only HR or an admin can add, change or dissolve teams" "team refusal"
eq "$(sql "SELECT count(*) FROM team WHERE name = 'Mine'")" "0" "refused team not added"

expect_ok "person in team" person add jweiss --name "Jürgen Weiß" --team referat-z-1-oeffentlichkeit
expect_ok "list" team list
has "$OUT" "Anna Berg" "list shows the lead's name"
expect_ok "list csv" team list --format csv
eq "$(sed -n 1p "$OUT" | tr -d '\r')" "name,slug,lead,lead_name,members,created,dissolved" "csv header"
has "$OUT" "Referat Z 1 – Öffentlichkeit,referat-z-1-oeffentlichkeit,aberg,Anna Berg,1,2026-11-23," "csv row with member count"
expect_ok "list json" team list --format json
has "$OUT" '"members": "0"' "json has member counts"

expect_ok "show" team show referat-z-1-oeffentlichkeit
has "$OUT" "Anna Berg (aberg)" "show names the lead"
has "$OUT" "1 current member" "show counts members"
has "$OUT" "Jürgen Weiß" "show lists members"
expect_fail "show unknown" 3 team show nowhere

expect_ok "rename" team edit referat-z-1-oeffentlichkeit --name "Referat Z 1"
has "$OUT" "name: Referat Z 1 – Öffentlichkeit -> Referat Z 1" "rename printed"
eq "$(sql "SELECT slug FROM team WHERE name = 'Referat Z 1'")" "referat-z-1-oeffentlichkeit" "slug stays on rename"
expect_ok "no lead" team edit "referat z 1" --no-lead
eq "$(sql "SELECT CAST(lead_id IS NULL AS integer) FROM team WHERE name = 'Referat Z 1'")" "1" "lead cleared"
expect_ok "same again" team edit "Referat Z 1" --no-lead
has "$OUT" "nothing changed" "no-op edit says so"
expect_fail "edit nothing" 2 team edit "Referat Z 1"
expect_fail "lead and no-lead" 2 team edit "Referat Z 1" --lead aberg --no-lead

audit_before=$(sql "SELECT count(*) FROM audit")
expect_fail "remove with members" 5 team remove "Referat Z 1"
has "$ERR" "still has 1 current member" "refusal counts members"
has "$ERR" "hop person edit LOGIN --team" "refusal says how to move them"
eq "$(sql "SELECT count(*) FROM audit")" "$audit_before" "refused removal logs nothing"
expect_ok "move member" person edit jweiss --no-team
expect_ok "remove" team remove "Referat Z 1"
has "$OUT" "dissolved team Referat Z 1" "remove prints"
eq "$(sql "SELECT dissolved_on FROM team WHERE name = 'Referat Z 1'")" "2026-11-23" "dissolved, not deleted"
expect_ok "list without dissolved" team list --format csv
hasnt "$OUT" "Referat Z 1," "dissolved not listed"
expect_ok "list all" team list --all --format csv
has "$OUT" "Referat Z 1,referat-z-1-oeffentlichkeit" "--all lists dissolved"
expect_fail "remove again" 1 team remove "Referat Z 1"
expect_ok "log" log --team referat-z-1-oeffentlichkeit
has "$OUT" "team.remove" "log has the removal"

finish
