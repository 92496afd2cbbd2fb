#!/bin/sh
# hop person add|list|show|edit|remove and hop log, through the binary.
. "$(dirname "$0")/lib.sh"

expect_ok "init" init --name "Tess Ter"
expect_ok "team add" team add "Referat 11"
expect_ok "team add with lead later" team add "Referat 12"
expect_ok "person add lead" person add aberg --name "Anna Berg" --email anna@example.org --team referat-11
expect_ok "team lead set" team edit "Referat 11" --lead aberg
expect_ok "person add with umlauts" person add jweiss --name "Jürgen Weiß" --team "Referat 11"
has "$OUT" "added jweiss (Jürgen Weiß)" "add says who was added"
expect_ok "person add german role" person add kmueller --name "Karl Müller" --team referat-12 --roles "Mitarbeiter, Personal"
expect_ok "person add other team" person add bkuehn --name "Berta Kühn" --team referat-12 --start 01.12.2026
expect_ok "person add employee" person add emp --name "Emil Meier"

# Bad input: clean messages, nothing added.
expect_fail "add without --name" 2 person add nobody
has "$ERR" "--name" "missing --name is named"
expect_fail "duplicate login" 5 person add jweiss --name "Someone"
has "$ERR" "already belongs to Jürgen Weiß" "duplicate names the owner"
expect_fail "unknown team" 3 person add x1 --name "X" --team "Nowhere"
has "$ERR" "no team 'Nowhere'" "unknown team named"
expect_fail "unknown role" 1 person add x1 --name "X" --roles chef
has "$ERR" "'chef' is not a role" "unknown role named"
expect_fail "bad login" 1 person add "Bad Login" --name "X"
# One argument can hold at most 128 KiB; the unit test tries 10 MB.
big=$(head -c 100000 /dev/zero | tr '\0' 'a')
expect_fail "100 kB name" 1 person add huge --name "$big"
has "$ERR" "100000 bytes long; the limit is 200" "huge name: length and limit"
unset big
eq "$(sql "SELECT count(*) FROM person WHERE login IN ('nobody','x1','huge')")" "0" "nothing added by failures"

# Listing in every format.
expect_ok "list" person list --wide
has "$OUT" "Jürgen Weiß" "list shows names"
eq "$(sed -n 1p "$OUT" | tr -s ' ')" "Login Name E-mail Team Roles Start End" "table header"
expect_ok "list csv" person list --format csv
eq "$(sed -n 1p "$OUT" | tr -d '\r')" "login,name,email,team,roles,start,end" "csv header"
has "$OUT" "jweiss,Jürgen Weiß,,Referat 11,employee,2026-11-23," "csv row"
has "$OUT" 'kmueller,Karl Müller,,Referat 12,"employee,hr",2026-11-23,' "csv quotes the roles"
expect_ok "list json" person list --format json --team referat-11
has "$OUT" '{"login": "aberg", "name": "Anna Berg", "email": "anna@example.org", "team": "Referat 11", "roles": "employee,lead", "start": "2026-11-23", "end": null}' "json object"
hasnt "$OUT" "kmueller" "team filter"
if command -v /usr/bin/python3 >/dev/null; then
	if /usr/bin/python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert len(d)==2' "$OUT"; then
		ok "json parses"; else nok "json parses"; fi
fi
expect_ok "list tsv" person list --format tsv --search "Kühn"
eq "$(sed -n 2p "$OUT")" "$(printf 'bkuehn\tBerta Kühn\t\tReferat 12\temployee\t2026-12-01\t')" "tsv row"
for q in muller mueller Müller MÜLLER; do
	expect_ok "search $q" person list --search "$q" --format csv
	has "$OUT" "kmueller" "search '$q' finds Karl Müller"
done
expect_ok "search weiss" person list --search weiss --format csv
has "$OUT" "jweiss" "weiss finds Weiß"
expect_fail "bad format" 2 person list --format xml
expect_fail "unknown option" 2 person list --frobnicate

# An employee editing someone else: refused, nothing changed or logged.
audit_before=$(sql "SELECT count(*) FROM audit")
row_before=$(sql "SELECT * FROM person WHERE login = 'jweiss'")
HOP_USER=emp expect_fail "employee edits someone else" 4 person edit jweiss --name "Hacked" --email h@x.org
has "$ERR" "you may change only your own name and e-mail" "refusal says what one may do"
eq "$(sql "SELECT count(*) FROM audit")" "$audit_before" "refused edit logs nothing"
eq "$(sql "SELECT * FROM person WHERE login = 'jweiss'")" "$row_before" "refused edit changes nothing"
HOP_USER=stranger expect_fail "unregistered user" 4 person edit jweiss --name "X"
has "$ERR" "you (login 'stranger') are not registered in hop; ask HR to add you" "unregistered message"
eq "$(sql "SELECT count(*) FROM audit")" "$audit_before" "unregistered edit logs nothing"

# Own name and e-mail: allowed; own roles: not.
HOP_USER=emp expect_ok "employee edits own e-mail" person edit emp --email emil@example.org
has "$OUT" "email: (none) -> emil@example.org" "edit prints the change"
HOP_USER=emp expect_fail "employee grants self hr" 4 person edit emp --add-role hr
has "$ERR" "only HR or an admin can change roles" "roles refusal"

# A lead edits their own members, not others.
HOP_USER=aberg expect_ok "lead edits own member" person edit jweiss --email jw@example.org --start 2026-11-30
has "$OUT" "start: 2026-11-23 -> 2026-11-30" "lead change printed"
audit_before=$(sql "SELECT count(*) FROM audit")
HOP_USER=aberg expect_fail "lead edits other team" 4 person edit bkuehn --name "B"
has "$ERR" "you may edit only members of teams you lead" "lead refusal"
HOP_USER=aberg expect_fail "lead moves member" 4 person edit jweiss --team referat-12
eq "$(sql "SELECT count(*) FROM audit")" "$audit_before" "lead refusals log nothing"
eq "$(sql "SELECT t.slug FROM person p JOIN team t ON t.id = p.team_id WHERE login = 'jweiss'")" "referat-11" "member not moved"

# HR (kmueller) may do the rest, but not grant admin.
HOP_USER=kmueller expect_ok "hr moves and renames" person edit bkuehn --team "Referat 11" --name "Berta Kühn-Lang" --add-role lead
has "$OUT" "team: Referat 12 -> Referat 11" "hr change printed"
HOP_USER=kmueller expect_fail "hr grants admin" 4 person edit bkuehn --add-role admin
has "$ERR" "only an admin can grant or take the admin role" "admin refusal"
expect_ok "no change" person edit bkuehn --name "Berta Kühn-Lang"
has "$OUT" "nothing changed" "an edit without change says so"
expect_fail "edit without options" 2 person edit bkuehn
expect_fail "end and no-end" 2 person edit bkuehn --end today --no-end
expect_fail "end before start" 1 person edit bkuehn --end 2026-01-01
has "$ERR" "before the start date" "end before start explained"

# Show.
expect_ok "show" person show aberg
has "$OUT" "Referat 11" "show names the team"
has "$OUT" "Leads:" "show has the led teams"
expect_ok "show jweiss" person show jweiss
has "$OUT" "person.edit" "show lists audit entries"
expect_ok "show json" person show jweiss --format json
has "$OUT" '"login": "jweiss"' "show json"
expect_fail "show unknown" 3 person show nobody

# Remove: the record stays, with an end date; a lead loses the lead.
expect_fail "remove before start" 1 person remove jweiss --date 2026-11-01
HOP_USER=emp expect_fail "employee removes" 4 person remove jweiss
expect_ok "remove lead" person remove aberg
has "$OUT" "2026-11-23" "remove says the last day"
eq "$(sql "SELECT end_date FROM person WHERE login = 'aberg'")" "2026-11-23" "end date set"
eq "$(sql "SELECT CAST(lead_id IS NULL AS integer) FROM team WHERE slug = 'referat-11'")" "1" "team lead cleared"
expect_ok "remove with date" person remove emp --date 2026-11-23
expect_fail "remove again" 5 person remove aberg
expect_ok "list on the last day" person list --format csv
has "$OUT" "emp,Emil Meier" "still listed on the last day"
HOP_TODAY=2026-11-24 expect_ok "list the day after" person list --format csv
hasnt "$OUT" "emp,Emil Meier" "former not listed"
HOP_TODAY=2026-11-24 expect_ok "list all" person list --all --format csv
has "$OUT" "emp,Emil Meier,emil@example.org,,employee,2026-11-23,2026-11-23" "--all lists former with the end date"

# The log.
expect_ok "log" log
has "$OUT" "person.remove" "log shows removal"
expect_ok "log person" log --person jweiss --format csv
has "$OUT" "start: 2026-11-23 -> 2026-11-30" "log of a person"
hasnt "$OUT" "person:aberg" "log person filter"
expect_ok "log actor" log --actor aberg --format json
has "$OUT" '"actor": "aberg"' "log actor filter"
hasnt "$OUT" '"actor": "tester"' "log actor filter excludes"
expect_ok "log limit" log --limit 2 --format tsv
eq "$(wc -l < "$OUT" | tr -d ' ')" "3" "limit 2: header and two lines"
expect_ok "log since" log --since 2026-11-24
eq "$(wc -l < "$OUT" | tr -d ' ')" "2" "nothing since tomorrow: only the header"
expect_fail "log bad limit" 2 log --limit lots
expect_fail "log person and team" 2 log --person a --team b

finish
