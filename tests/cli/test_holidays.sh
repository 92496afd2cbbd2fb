#!/bin/sh
# hop holidays and hop import holidays, through the binary.
. "$(dirname "$0")/lib.sh"

SAMPLE="$(cd "$(dirname "$0")/../.." && pwd)/sample-config/closures.ics"
dump() { sql ".dump"; }
# row DATE TEXT DESC: the output line of DATE contains TEXT
row() {
	line=$(grep -- "^$1" "$OUT" | head -n 1)
	case $line in *"$2"*) ok "$3" ;; *) nok "$3 (line of $1: '$line')" ;; esac
}

expect_ok "init" init --name "Tess Ter"
expect_ok "person add employee" person add aberg --name "Anna Berg"

# ---- public holidays ----
expect_ok "holidays BY 2026" holidays --year 2026 --region BY
row 2026-06-04 "Thursday  Corpus Christi" "Fronleichnam in Bavaria"
row 2026-11-01 "All Saints' Day" "Allerheiligen in Bavaria"
hasnt "$OUT" "Assumption Day" "Mariä Himmelfahrt is not statewide in Bavaria"
eq "$(grep -c 'public holiday' "$OUT")" "12" "twelve public holidays in Bavaria in 2026"
expect_ok "holidays BE 2026" holidays --year 2026 --region be
row 2026-03-08 "International Women's Day" "Frauentag in Berlin"
hasnt "$OUT" "Corpus Christi" "no Fronleichnam in Berlin"
# Hesse's law names neither Easter nor Whit Sunday; Brandenburg's names both.
expect_ok "holidays HE 2026" holidays --year 2026 --region HE
hasnt "$OUT" "Easter Sunday" "no Easter Sunday in Hesse"
hasnt "$OUT" "Whit Sunday" "no Whit Sunday in Hesse"
row 2026-06-04 "Thursday  Corpus Christi" "Fronleichnam in Hesse"
expect_ok "holidays BB 2026" holidays --year 2026 --region BB
has "$OUT" "Easter Sunday" "Easter Sunday in Brandenburg"
expect_ok "holidays BE 2028" holidays --year 2028 --region BE
has "$OUT" "2028-06-17" "the one-off holiday of 17 June 2028 in Berlin"
expect_ok "holidays SN csv" holidays --year 2026 --region SN --format csv
has "$OUT" "2026-11-18,Wednesday,Day of Repentance and Prayer,public holiday,SN" "Buß- und Bettag in Saxony, csv"
expect_ok "holidays default region (BE) and this year" holidays
has "$OUT" "2026-03-08" "default year is this year, default region Berlin"
expect_ok "holidays json" holidays --year 2027 --format json
has "$OUT" '"date": "2027-03-26"' "Good Friday 2027 in json"
# In German the official names, whatever the catalogue says of them.
if locale -a 2>/dev/null | grep -qiE '^de_DE\.utf-?8$' && [ -f "$(dirname "$HOP")/locale/de/LC_MESSAGES/hop.mo" ]; then
	LC_ALL=de_DE.UTF-8 HOPLOCALEDIR="$(dirname "$HOP")/locale" "$HOP" holidays --year 2026 --region BY --wide >"$OUT" 2>"$ERR"
	eq "$?" "0" "holidays in German"
	row 2026-06-04 "Fronleichnam" "official German name in German"
	row 2026-12-26 "2. Weihnachtstag" "Zweiter Weihnachtstag in German"
	row 2026-12-24 "24. Dezember (frei nach § 6 Abs. 3 TVöD/TV-L)" "24 December in German"
	row 2026-12-24 "arbeitsfreier Tag" "its kind in German"
else
	skip "German: no de_DE.UTF-8 locale or no catalogue beside $HOP"
fi
expect_fail "unknown region" 2 holidays --region XX
has "$ERR" "unknown region 'XX'; use one of BW, BY, BE" "unknown region named with the choices"
expect_fail "bad year" 2 holidays --year 1800
has "$ERR" "--year '1800' is not a year from 1991 to 9999" "bad year named"
expect_fail "region and site" 2 holidays --region BY --site x
expect_fail "unknown site" 3 holidays --site Atlantis
expect_fail "stray argument" 2 holidays 2026

# A Bavarian site: Fronleichnam there is a holiday, in Berlin a working day.
expect_ok "site in Bavaria" site add "Nürnberg" --region BY
expect_ok "holidays of the site" holidays --year 2026 --site nürnberg
has "$OUT" "Corpus Christi" "the site's Land decides"

# ---- closures from iCalendar ----
before=$(dump)
HOP_USER=aberg expect_fail "employee may not import" 4 import holidays "$SAMPLE"
has "$ERR" "only facilities or an admin can import closure days" "refusal says who may"
eq "$(dump)" "$before" "refused import changed nothing"

expect_ok "dry run" import holidays "$SAMPLE" --dry-run
has "$OUT" "would add 4 days" "dry run reports the days"
eq "$(dump)" "$before" "dry run changed nothing"

expect_ok "import sample" import holidays "$SAMPLE"
has "$OUT" "added 4 days" "four closure days added"
eq "$(sql_list ' ' "SELECT day FROM closure ORDER BY day")" \
   "2026-12-28 2026-12-29 2026-12-30 2026-12-31" "28-31 Dec stored, DTEND exclusive"
eq "$(sql "SELECT count(*) FROM audit WHERE action = 'import.holidays'")" "1" "audited"
expect_ok "import again" import holidays "$SAMPLE"
has "$OUT" "added 0 days, updated 0, removed 0, unchanged 4" "re-import is idempotent"
eq "$(sql "SELECT count(*) FROM closure")" "4" "no duplicates"
expect_ok "holidays list closures" holidays --year 2026 --wide
row 2026-12-28 "Betriebsruhe zwischen den Jahren            closure         all sites" "closure listed with kind and scope"
row 2026-12-25 "Christmas Day" "public holidays listed too"
# 24 and 31 December, free by [policy] free_dec24_dec31 (the default), like holidays.
row 2026-12-24 "Thursday   24 December (free under § 6 (3) TVöD/TV-L)  free day        all sites" "24 December listed as a free day"
eq "$(grep -c '^2026-12-31' "$OUT")" "2" "31 December: free day and closure"
WORK=$SCRATCH/work.ini
printf '[policy]\nfree_dec24_dec31 = no\n' >"$WORK"
HOP_CONFIG=$WORK expect_ok "holidays, policy off" holidays --year 2026
hasnt "$OUT" "free day" "no free days with the policy off"
expect_ok "holidays 2027" holidays --year 2027 --format csv
has "$OUT" "2027-12-24,Friday,24 December (free under § 6 (3) TVöD/TV-L),free day,all sites" "24 Dec 2027, a Friday, in csv"
has "$OUT" "2027-12-31,Friday,31 December (free under § 6 (3) TVöD/TV-L),free day,all sites" "31 Dec 2027, a Friday, in csv"
expect_ok "holidays 2028" holidays --year 2028 --format csv
hasnt "$OUT" "2028-12-24" "24 Dec 2028 is a Sunday: not listed"
expect_ok "site sees organisation closures" holidays --year 2026 --site Nürnberg --wide
has "$OUT" "Betriebsruhe zwischen den Jahren" "organisation closure applies to a site"

# A bad file: one timed event among good ones imports nothing.
printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//DE\r\nBEGIN:VEVENT\r\nUID:a@t\r\nSUMMARY:Brückentag\r\nDTSTART;VALUE=DATE:20260515\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:b@t\r\nSUMMARY:Teamtag\r\nDTSTART:20260601T090000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' > "$SCRATCH/bad.ics"
before=$(dump)
expect_fail "timed event refused" 1 import holidays "$SCRATCH/bad.ics"
has "$ERR" "bad.ics:12: event 2 (Teamtag): DTSTART:20260601T090000 is a time, not a day" "error names file, line and event"
has "$ERR" "nothing was imported" "says nothing was imported"
eq "$(dump)" "$before" "bad file changed nothing"
printf 'Datum;Grund\n2026-05-15;Brückentag\n' > "$SCRATCH/not.ics"
expect_fail "not iCalendar" 1 import holidays "$SCRATCH/not.ics"
has "$ERR" "not.ics:1: the file does not start with BEGIN:VCALENDAR" "not-a-calendar named"
eq "$(dump)" "$before" "malformed file changed nothing"
expect_fail "missing file" 3 import holidays "$SCRATCH/none.ics"
expect_fail "no file named" 2 import holidays

# Site closures from standard input.
printf 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:umzug@t\r\nSUMMARY:Umzug\r\nDTSTART;VALUE=DATE:20260302\r\nDURATION:P2D\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' > "$SCRATCH/site.ics"
run import holidays - --site nuernberg < "$SCRATCH/site.ics"
eq "$RC" "0" "import for a site from stdin"
eq "$(sql "SELECT count(*) FROM closure WHERE site_id IS NOT NULL")" "2" "two site closure days"
expect_ok "site list shows it" holidays --year 2026 --site Nürnberg
row 2026-03-03 "Umzug" "site closure listed"
row 2026-03-03 "Nürnberg" "with the site's name"
expect_ok "organisation list does not" holidays --year 2026
hasnt "$OUT" "Umzug" "site closure not in the organisation's list"

finish
