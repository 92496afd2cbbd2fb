#!/bin/sh
# hop site|zone|desk|room ... and hop import desks, through the binary.
. "$(dirname "$0")/lib.sh"

dump() { sql ".dump" | grep -v '^INSERT INTO audit' ; sql "SELECT count(*) FROM audit"; }

expect_ok "init" init --name "Tess Ter"
expect_ok "person add employee" person add aberg --name "Anna Berg"
expect_ok "person add facilities" person add fm --name "Jürgen Weiß" --roles employee,facilities
expect_ok "team add" team add "Referat 11" --lead aberg

# ---- sites ----
expect_ok "site add" site add "Hauptgebäude" --address "Alt-Moabit 140, 10557 Berlin"
has "$OUT" "added site Hauptgebäude (hauptgebaeude), time zone Europe/Berlin, region BE" "site add says slug, zone, region"
expect_ok "second site with region" site add "Außenstelle Bonn" --region nw --timezone Europe/Berlin
eq "$(sql "SELECT region FROM site WHERE slug = 'aussenstelle-bonn'")" "NW" "region stored upper-case"
expect_fail "bad time zone" 1 site add "Mond" --timezone Moon/Base
has "$ERR" "timezone: there is no time zone 'Moon/Base'" "time zone refusal names it"
expect_fail "Land name for region" 1 site add "München" --region Bayern
has "$ERR" "use BY for Bayern" "region refusal suggests the code"
expect_fail "same name again" 5 site add "hauptgebäude"
expect_fail "site add without name" 2 site add
expect_ok "site list csv" site list --format csv
eq "$(sed -n 1p "$OUT" | tr -d '\r')" "name,slug,address,timezone,region,desks,rooms" "site csv header"
has "$OUT" "Außenstelle Bonn,aussenstelle-bonn,,Europe/Berlin,NW,0,0" "site csv row"
expect_ok "site edit" site edit aussenstelle-bonn --address "Graurheindorfer Str. 198"
has "$OUT" "address: (none) -> Graurheindorfer Str. 198" "site edit prints the change"
expect_ok "site edit same" site edit aussenstelle-bonn --address "Graurheindorfer Str. 198"
has "$OUT" "nothing changed" "site edit without change says so"
expect_fail "site edit nothing" 2 site edit aussenstelle-bonn

# ---- zones ----
expect_ok "zone add with team" zone add Hauptgebäude "3. OG" "Zone Süd" --level 3 --team "Referat 11"
has "$OUT" "added zone Hauptgebäude/3. OG/Zone Süd (level 3) for team Referat 11" "zone add output"
expect_ok "zone add same floor" zone add hauptgebaeude "3. OG" "Zone Nord"
expect_ok "zone add other site" zone add aussenstelle-bonn EG "Zone Nord"
eq "$(sql "SELECT count(*) FROM floor")" "2" "floor created once per site"
expect_fail "zone add unknown team" 3 zone add Hauptgebäude "3. OG" "Zone West" --team "Referat 99"
expect_fail "zone add bad level" 2 zone add Hauptgebäude "3. OG" "Zone West" --level drei
expect_fail "zone add too few" 2 zone add Hauptgebäude "3. OG"
expect_ok "zone list" zone list --site Hauptgebäude --format tsv
has "$OUT" "$(printf 'Hauptgebäude\t3. OG\t3\tZone Süd\tReferat 11\t0')" "zone list tsv row"
hasnt "$OUT" "EG" "zone list --site filters"
expect_ok "zone edit" zone edit "Hauptgebäude/3. OG/Zone Nord" --team "Referat 11"
has "$OUT" "team: (none) -> Referat 11" "zone edit prints the change"
expect_ok "zone edit no team" zone edit "Hauptgebäude/3. OG/Zone Nord" --no-team
expect_fail "zone edit team and no-team" 2 zone edit "Zone Süd" --team x --no-team

# ---- desks ----
expect_ok "desk add" desk add 3.14 --zone "Zone Süd" --attr monitor,Stehpult
has "$OUT" "added desk 3.14 in Hauptgebäude/3. OG/Zone Süd" "desk add output"
expect_fail "ambiguous zone" 1 desk add 3.15 --zone "Zone Nord"
has "$ERR" "Hauptgebäude/3. OG/Zone Nord" "ambiguity lists one candidate"
has "$ERR" "Außenstelle Bonn/EG/Zone Nord" "ambiguity lists the other"
expect_ok "desk add by path" desk add 3.2 --zone "hauptgebaeude/3. OG/Zone Nord" --attr quiet
expect_ok "desk add 3.10" desk add 3.10 --zone "Zone Süd" --owner aberg --bookable team
expect_ok "desk add 10.1" desk add 10.1 --zone "Zone Süd"
expect_ok "room add" room add R3.01 --zone "Zone Süd" --kind kreativraum --capacity 8 --name "Kreativraum Spree" --attr beamer,whiteboard
has "$OUT" "added creative room R3.01 (8 people)" "room add output"
expect_fail "desk code taken by a room" 5 desk add r3.01 --zone "Zone Süd"
expect_fail "room without capacity" 2 room add R3.02 --zone "Zone Süd" --kind meeting-room
expect_fail "room with desk kind" 2 room add R3.02 --zone "Zone Süd" --kind desk --capacity 4
expect_fail "room with owner option" 2 room add R3.02 --zone "Zone Süd" --kind meeting-room --capacity 4 --owner aberg
expect_fail "bad attribute" 2 desk add 3.16 --zone "Zone Süd" --attr laser
has "$ERR" "'laser' is not an attribute" "attribute refusal names the word"
expect_fail "bad code" 1 desk add "3 16" --zone "Zone Süd"
expect_fail "desk without zone" 2 desk add 3.16

# An employee may not add desks: exit 4, nothing changed.
before=$(dump)
HOP_USER=aberg expect_fail "employee desk add refused" 4 desk add 3.99 --zone "Zone Süd"
has "$ERR" "only facilities or an admin" "refusal says who may"
HOP_USER=aberg expect_fail "employee site add refused" 4 site add "Nebengebäude"
HOP_USER=aberg expect_fail "employee retire refused" 4 desk retire 3.14
eq "$(dump)" "$before" "refused changes leave the database as it was"
HOP_USER=fm expect_ok "facilities may add a desk" desk add 3.99 --zone "Zone Süd"

expect_ok "desk list" desk list
eq "$(sed -n 1p "$OUT" | awk '{print $1, $2, $3}')" "Desk Site Floor" "desk list table header"
expect_ok "desk list csv" desk list --format csv
eq "$(sed -n 1p "$OUT" | tr -d '\r')" "code,site,floor,zone,attributes,owner,status" "desk csv header"
eq "$(tail -n +2 "$OUT" | cut -d, -f1 | tr '\n' ' ')" "3.2 3.10 3.14 3.99 10.1 " "desks in zone order, codes in natural order"
has "$OUT" '3.14,Hauptgebäude,3. OG,Zone Süd,"monitor,standing",,active' "desk csv row with attributes"
has "$OUT" "3.10,Hauptgebäude,3. OG,Zone Süd,,aberg,active" "desk csv row with owner"
hasnt "$OUT" "R3.01" "rooms are not in the desk list"
expect_ok "desk list json filter" desk list --attr monitor --format json
has "$OUT" '"code": "3.14"' "json has the desk with a monitor"
hasnt "$OUT" '"code": "3.2"' "json leaves out desks without one"
expect_ok "room list" room list --format csv
has "$OUT" "R3.01,Kreativraum Spree,creative-room,8,Hauptgebäude,3. OG,Zone Süd" "room csv row"
expect_fail "list unknown site" 3 desk list --site Nowhere

expect_ok "desk show" desk show 3.10
has "$OUT" "Anna Berg (aberg)" "show names the owner"
has "$OUT" "Referat 11" "show names the zone's team"
expect_fail "show a room as a desk" 1 desk show R3.01
has "$ERR" "hop room show R3.01" "wrong family points at the right command"
expect_ok "room show" room show r3.01
has "$OUT" "Kreativraum Spree" "room show has the name"
expect_fail "show unknown" 3 desk show 9.99

expect_ok "desk edit" desk edit 3.14 --attr monitor,quiet --owner fm --code 3.15
has "$OUT" "changed 3.15: code: 3.14 -> 3.15; attributes: monitor,standing -> monitor,quiet; owner: (none) -> fm" "desk edit lists each change"
eq "$(sql "SELECT count(*) FROM audit WHERE action = 'desk.edit' AND object = 'desk:3.15'")" "1" "one audit entry for the edit"
expect_ok "desk edit same" desk edit 3.15 --attr quiet,monitor
has "$OUT" "nothing changed for 3.15" "unchanged edit says so"
eq "$(sql "SELECT count(*) FROM audit WHERE action = 'desk.edit'")" "1" "unchanged edit writes nothing"
expect_fail "owner and no-owner" 2 desk edit 3.15 --owner aberg --no-owner
expect_fail "edit nothing" 2 desk edit 3.15
expect_ok "room edit capacity" room edit R3.01 --capacity 10
has "$OUT" "capacity: 8 -> 10" "room edit prints the change"

# ---- retiring cancels what is booked from that day on ----
P=$(sql "SELECT id FROM person WHERE login = 'aberg'")
D=$(sql "SELECT id FROM desk WHERE code = '3.15'")
for day in 2026-11-20 2026-11-24 2026-11-25 2026-11-26; do
	sql "INSERT INTO booking (desk_id, person_id, day, am, pm, booked_by, created_at, updated_at) VALUES ($D, $P, '$day', 1, 1, $P, 'x', 'x')"
done
expect_ok "desk retire" desk retire 3.15 --from 2026-11-25
has "$OUT" "retired 3.15 from 2026-11-25; 2 bookings from that day on were cancelled" "retire reports the cancellations"
eq "$(sql_list , "SELECT day FROM booking WHERE cancelled_at IS NOT NULL AND cancel_reason = 'desk retired' AND sequence = 1 ORDER BY day")" "2026-11-25,2026-11-26" "the bookings from that day are cancelled"
eq "$(sql "SELECT count(*) FROM audit WHERE action = 'booking.cancel'")" "2" "each cancellation is audited"
expect_fail "retire in the past" 1 desk retire 3.2 --from 2026-11-01
expect_ok "retire today" desk retire 3.2
expect_ok "desk list hides retired" desk list --format csv
hasnt "$OUT" "3.2," "retired desk not listed"
expect_ok "desk list --all" desk list --all --format csv
has "$OUT" "retired since 2026-11-23" "--all shows retired with the day"
has "$OUT" "retires on 2026-11-25" "--all shows the coming retirement"
expect_fail "retire again" 5 desk retire 3.2
expect_ok "activate" desk edit 3.2 --activate
has "$OUT" "retired: 2026-11-23 -> (none)" "activation printed"
expect_fail "room retire of a desk" 1 room retire 3.2

# ---- import ----
cp "$(dirname "$0")/../../sample-config/desks.csv" "$SCRATCH/desks.csv"
expect_ok "import dry run" import desks "$SCRATCH/desks.csv" --dry-run
has "$OUT" "nothing was written" "dry run says so"
expect_ok "import sample" import desks "$SCRATCH/desks.csv"
has "$OUT" "added" "import reports counts"
eq "$(sql "SELECT count(*) FROM desk WHERE code = 'R3.02' AND kind = 'meeting-room'")" "1" "German kinds imported"

before=$(dump)
printf '\357\273\277platz;standort;etage;zone;art;kapazität;ausstattung\r\n7.01;Hauptgebäude;7. OG;Zone Ost;;;monitor\r\n7.02;Hauptgebäude;7. OG;Zone Ost;;;laser\r\n7.03;Nirgendwo;7. OG;Zone Ost;;;\r\n7.04;Hauptgebäude;7. OG;Zone Ost;besprechungsraum;;\r\n' > "$SCRATCH/bad.csv"
expect_fail "import with bad rows" 1 import desks "$SCRATCH/bad.csv"
has "$ERR" "bad.csv:3: attributes: 'laser' is not an attribute" "bad attribute on line 3"
has "$ERR" "bad.csv:4: there is no site 'Nirgendwo'" "unknown site on line 4"
has "$ERR" "bad.csv:5: capacity: room 7.04" "room without capacity on line 5"
has "$ERR" "3 of 4 rows have errors; nothing was imported" "summary"
eq "$(dump)" "$before" "a refused import leaves the database as it was"
HOP_USER=aberg expect_fail "employee import refused" 4 import desks "$SCRATCH/desks.csv"
expect_fail "import missing file" 3 import desks "$SCRATCH/none.csv"

finish
