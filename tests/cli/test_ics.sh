#!/bin/sh
# hop export ics: the calendars parsed by an independent parser (Python's
# icalendar from Debian's python3-icalendar) and checked byte by byte.
. "$(dirname "$0")/lib.sh"

PY=/usr/bin/python3
if ! "$PY" -c 'import icalendar' 2>/dev/null; then
	skip "python3-icalendar is not installed for /usr/bin/python3"
	finish
	exit 77
fi

# Facts about an .ics file, one per line, printed by the independent parser.
facts() {
	"$PY" - "$1" <<'PYEOF'
import sys, icalendar
raw = open(sys.argv[1], 'rb').read()
cal = icalendar.Calendar.from_ical(raw)
ev = [c for c in cal.walk('VEVENT')]
tz = [str(c['TZID']) for c in cal.walk('VTIMEZONE')]
print('events', len(ev))
print('prodid', str(cal['PRODID']))
print('method', str(cal['METHOD']))
print('vtimezones', ' '.join(tz))
lines = raw.split(b'\n')
print('crlf', all(l.endswith(b'\r') for l in lines[:-1]) and lines[-1] == b'')
print('longest', max(len(l) for l in lines))
for e in ev:
    s = e['DTSTART']; d = e['DTEND']
    kind = 'date' if s.params.get('VALUE') == 'DATE' or not hasattr(s.dt, 'hour') else 'timed'
    tzid = s.params.get('TZID', '-')
    print('event', str(e['UID']), 'seq=%d' % int(e['SEQUENCE']), 'status=%s' % str(e['STATUS']),
          'transp=%s' % str(e.get('TRANSP', '-')), kind, s.dt.isoformat(), d.dt.isoformat(),
          'tzid=%s' % tzid, 'dtstamp=%s' % e['DTSTAMP'].dt.isoformat(),
          'summary=%s' % str(e['SUMMARY']), 'location=%s' % str(e.get('LOCATION', '-')))
PYEOF
}
count() { grep -c "$2" "$1" || true; }

expect_ok "init" init --name "Tess Ter"
expect_ok "team" team add "Referat 11"
expect_ok "jürgen" person add jweiss --name "Jürgen Weiß" --team "Referat 11"
expect_ok "şükrü" person add soz --name "Şükrü Öztürk" --team "Referat 11"
expect_ok "site" site add "Haus"
expect_ok "zone" zone add Haus "3. OG" "Süd" --level 3 --team "Referat 11"
expect_ok "desk" desk add S1 --zone Süd
expect_ok "desk 2" desk add S2 --zone Süd
expect_ok "room" room add R8 --zone Süd --kind meeting-room --capacity 8 --name "Raum Müggelsee"
HOP_USER=jweiss expect_ok "whole day" book 2026-11-24 S1
HOP_USER=jweiss expect_ok "morning" book 2026-11-25 S2 --am
HOP_USER=jweiss expect_ok "cancelled one" book 2026-11-26 S1
HOP_USER=jweiss expect_ok "cancel it" cancel 2026-11-26
HOP_USER=soz expect_ok "room" book 2026-11-27 R8
HOP_USER=jweiss expect_ok "home" presence set 2026-11-30 home
expect_ok "team day" teamday set "Referat 11" 2026-12-01

A=$SCRATCH/a.ics B=$SCRATCH/b.ics
expect_ok "person feed" export ics --person jweiss --from 2026-11-23 --to 2026-12-04 -o "$A"
facts "$A" >"$SCRATCH/a.txt"
ev() { grep "^event $2 " "$1"; }
eq "$(grep '^events' "$SCRATCH/a.txt")" "events 8" \
	"3 bookings (one cancelled), 4 presence days (3 office from bookings, 1 home), 1 team day"
has "$SCRATCH/a.txt" "prodid -//hop//hop " "PRODID names hop"
has "$SCRATCH/a.txt" "method PUBLISH" "METHOD:PUBLISH"
eq "$(grep '^crlf' "$SCRATCH/a.txt")" "crlf True" "every line ends in CRLF"
L=$(sed -n 's/^longest //p' "$SCRATCH/a.txt")
if [ "$L" -le 76 ]; then ok "lines folded (longest $L bytes)"; else nok "a line of $L bytes is not folded"; fi
eq "$(grep '^vtimezones' "$SCRATCH/a.txt")" "vtimezones Europe/Berlin" "one VTIMEZONE with the plain IANA TZID"
hasnt "$A" "freeassociation" "no libical TZID prefix anywhere"
has "$SCRATCH/a.txt" "event booking-1@hop.invalid seq=0 status=CONFIRMED transp=OPAQUE date 2026-11-24 2026-11-25 " \
	"whole day: VALUE=DATE, DTEND the next day, confirmed"
has "$A" "DTSTART;VALUE=DATE:20261124" "VALUE=DATE written"
has "$SCRATCH/a.txt" "event booking-2@hop.invalid seq=0 status=CONFIRMED transp=OPAQUE timed 2026-11-25T08:00:00+01:00 2026-11-25T12:00:00+01:00 tzid=Europe/Berlin" \
	"morning: 08:00-12:00 in the site's zone"
has "$SCRATCH/a.txt" "event booking-3@hop.invalid seq=1 status=CANCELLED" "the cancelled booking is there as CANCELLED"
has "$SCRATCH/a.txt" "dtstamp=2026-11-23T12:00:00+00:00" "DTSTAMP from the clock, in UTC"
has "$SCRATCH/a.txt" "location=Haus, floor 3. OG, Süd, S1" "LOCATION with site, floor, zone, desk; umlauts intact"
has "$SCRATCH/a.txt" "event presence-jweiss-2026-11-30@hop.invalid seq=5 status=CONFIRMED transp=TRANSPARENT date 2026-11-30 2026-12-01 " \
	"presence day all-day and transparent"
has "$SCRATCH/a.txt" "summary=Home" "presence summary"
has "$SCRATCH/a.txt" "teamday-" "the team day is in the member's feed"
has "$A" "X-WR-CALNAME:Jürgen Weiß" "calendar named for the person, UTF-8 intact"

# Stable UIDs, and SEQUENCE grows when the booking changes.
expect_ok "second export" export ics --person jweiss --from 2026-11-23 --to 2026-12-04 -o "$B"
if cmp -s "$A" "$B"; then ok "an unchanged feed is the same byte for byte"; else nok "two exports differ"; fi
HOP_USER=jweiss expect_ok "cancel the afternoon" cancel 2026-11-24 S1 --pm
expect_ok "third export" export ics --person jweiss --from 2026-11-23 --to 2026-12-04 -o "$B"
facts "$B" >"$SCRATCH/b.txt"
eq "$(grep '^event' "$SCRATCH/a.txt" | cut -d' ' -f2 | sort | tr '\n' ' ')" \
   "$(grep '^event' "$SCRATCH/b.txt" | cut -d' ' -f2 | sort | tr '\n' ' ')" "the same UIDs after the change"
has "$SCRATCH/b.txt" "event booking-1@hop.invalid seq=1 status=CONFIRMED transp=OPAQUE timed 2026-11-24T08:00:00+01:00 2026-11-24T12:00:00+01:00" \
	"half cancelled: the morning remains, SEQUENCE grew"

# A presence day's SEQUENCE grows with every change of what the day shows:
# a new location, a new note, a cleared entry falling back to the weekly
# default, a change of that default; setting the same again changes nothing.
pseq() {   # pseq DAY: the SEQUENCE and summary of jweiss's presence event that day
	"$HOP" export ics --person jweiss --from 2026-11-30 --to 2026-12-04 -o "$SCRATCH/p.ics" &&
	facts "$SCRATCH/p.ics" | grep "^event presence-jweiss-$1@" |
		sed 's/^.* seq=\([0-9]*\) .* summary=\([^=]*\) location=.*$/\1 \2/'
}
# SEQUENCE values count the person's presence changes (any day): compare them.
grew() {   # grew DESC OLD NEW WANTED-SUMMARY: NEW has that summary and a larger SEQUENCE
	if [ "${3#* }" = "$4" ] && [ "${3%% *}" -gt "${2%% *}" ]; then ok "$1 ($2 -> $3)"
	else nok "$1 (was '$2', now '$3', wanted $4 with a larger SEQUENCE)"; fi
}
p0=$(pseq 2026-11-30)
eq "${p0#* }" "Home" "presence 30.11.: home"
HOP_USER=jweiss expect_ok "home again" presence set 2026-11-30 home
eq "$(pseq 2026-11-30)" "$p0" "setting the same again keeps the SEQUENCE"
HOP_USER=jweiss expect_ok "now mobile" presence set 2026-11-30 mobile
p1=$(pseq 2026-11-30); grew "a new location" "$p0" "$p1" Mobile
HOP_USER=jweiss expect_ok "with a note" presence set 2026-11-30 mobile --note "Zug nach Köln"
p2=$(pseq 2026-11-30); grew "a new note" "$p1" "$p2" Mobile
HOP_USER=jweiss expect_ok "a weekly default" presence default mon=trip
p3=$(pseq 2026-11-30)
eq "${p3#* }" "Mobile" "a default behind the day's own entry does not show"
HOP_USER=jweiss expect_ok "clear the day" presence clear 2026-11-30
has "$OUT" "Cleared 1 day; the weekly default applies there again." "clear says what it did"
p4=$(pseq 2026-11-30); grew "cleared: the default shows" "$p3" "$p4" Trip
HOP_USER=jweiss expect_ok "clear it again" presence clear 2026-11-30
has "$OUT" "nothing changed" "a second clear has nothing to do"
eq "$(pseq 2026-11-30)" "$p4" "and keeps the SEQUENCE"
HOP_USER=jweiss expect_ok "change the default" presence default mon=home
p5=$(pseq 2026-11-30); grew "the default changed" "$p4" "$p5" Home
HOP_USER=jweiss expect_ok "default as it is" presence default mon=home
eq "$(pseq 2026-11-30)" "$p5" "the same default again keeps the SEQUENCE"
HOP_USER=jweiss expect_ok "drop the default" presence default mon=none
p5c=$(pseq 2026-11-30)
grew "no entry, no default: the day's event is cancelled, as a booking is" "$p5" "$p5c" \
	"Cancelled: Work location"
HOP_USER=jweiss expect_ok "home once more" presence set 2026-11-30 home
p6=$(pseq 2026-11-30); grew "set again: above every SEQUENCE before" "$p5c" "$p6" Home
# A period longer than core reads at a time (64 days): every Tuesday from
# December to June (31, no public holiday among them in Berlin), and the
# Mondays of that stretch but for Frauentag, Easter and Whit Monday (30 - 3).
HOP_USER=jweiss expect_ok "long defaults" presence default mon=office,tue=home
expect_ok "seven months" export ics --person jweiss --from 2026-12-01 --to 2027-06-30 -o "$SCRATCH/long.ics"
eq "$(grep -c '^SUMMARY:Home' "$SCRATCH/long.ics")" 31 "31 Tuesdays at home"
eq "$(grep -c '^SUMMARY:Office' "$SCRATCH/long.ics")" 27 "27 Mondays in the office (3 are public holidays)"
expect_fail "clear needs a date" 2 presence clear
expect_fail "clear in the past" 1 presence clear 2026-11-20
has "$ERR" "is in the past" "says why"
# A team day whose note changes keeps its UID and raises its SEQUENCE.
tseq() {
	"$HOP" export ics --team "Referat 11" --from 2026-12-01 --to 2026-12-01 -o "$SCRATCH/t.ics" &&
	facts "$SCRATCH/t.ics" | sed -n 's/^event \(teamday-[^ ]*\) seq=\([0-9]*\) .*$/\1 \2/p'
}
t0=$(tseq)
expect_ok "team day note" teamday set "Referat 11" 2026-12-01 --note "Klausur"
t1=$(tseq)
eq "${t1% *}" "${t0% *}" "the team day keeps its UID"
eq "${t0#* } ${t1#* }" "0 1" "and its SEQUENCE grows when the note changes"

# Stdout, and the other kinds of feed.
expect_ok "stdout" export ics --desk S1 --from 2026-11-23 --to 2026-12-04
facts "$OUT" >"$SCRATCH/d.txt"
eq "$(grep '^events' "$SCRATCH/d.txt")" "events 2" "desk feed: its two bookings"
has "$SCRATCH/d.txt" "summary=S1: booked" "desk feed hides the booker (show_booker_names = team)"
hasnt "$OUT" "Jürgen" "no name in a neutral feed"
printf '[booking]\nshow_booker_names = all\n' >"$SCRATCH/all.ini"
HOP_CONFIG=$SCRATCH/all.ini expect_ok "names for all" export ics --desk S1 --from 2026-11-23 --to 2026-12-04
has "$OUT" "SUMMARY:S1: Jürgen Weiß" "with show_booker_names = all the booker is named"
expect_ok "room feed" export ics --room R8 --from 2026-11-23 --to 2026-12-04
facts "$OUT" >"$SCRATCH/r.txt"
has "$SCRATCH/r.txt" "summary=Raum Müggelsee: booked" "room feed"
expect_ok "team feed" export ics --team "Referat 11" --from 2026-11-23 --to 2026-12-04 --holidays
facts "$OUT" >"$SCRATCH/t.txt"
eq "$(grep '^events' "$SCRATCH/t.txt")" "events 1" "team feed: the team day (no holidays in the period)"
expect_ok "site feed" export ics --site Haus --from 2026-11-23 --to 2026-12-04
facts "$OUT" >"$SCRATCH/s.txt"
eq "$(grep '^events' "$SCRATCH/s.txt")" "events 4" "site feed: every booking there"
expect_ok "holidays" export ics --person soz --from 2026-12-20 --to 2026-12-31 --holidays
facts "$OUT" >"$SCRATCH/h.txt"
has "$SCRATCH/h.txt" "event holiday-BE-2026-12-25@hop.invalid seq=0 status=CONFIRMED transp=TRANSPARENT date 2026-12-25 2026-12-26" \
	"public holiday as an all-day event"

printf '[feeds]\nholidays = yes\n' >"$SCRATCH/hol.ini"
HOP_CONFIG=$SCRATCH/hol.ini expect_ok "holidays from the configuration" export ics --person soz --from 2026-12-20 --to 2026-12-31
has "$OUT" "UID:holiday-BE-2026-12-25@hop.invalid" "[feeds] holidays = yes puts them into a person's feed"
HOP_CONFIG=$SCRATCH/hol.ini expect_ok "team feed with holidays" export ics --team "Referat 11" --from 2026-12-20 --to 2026-12-31
has "$OUT" "UID:holiday-BE-2026-12-26@hop.invalid" "and into a team's feed"
HOP_CONFIG=$SCRATCH/hol.ini expect_ok "desk feed without" export ics --desk S1 --from 2026-12-20 --to 2026-12-31
hasnt "$OUT" "UID:holiday-" "but not into a desk's"
expect_ok "default: none" export ics --person soz --from 2026-12-20 --to 2026-12-31
hasnt "$OUT" "UID:holiday-" "by default a person's feed has no holidays"

# Cancelled bookings disappear keep_cancelled_days after the cancellation
# (made on 2026-11-23), whatever day they were for.
eq "$(sql "SELECT substr(cancelled_at, 1, 10) FROM booking WHERE id = 3")" "2026-11-23" "booking 3 was cancelled on 2026-11-23"
printf '[feeds]\nkeep_cancelled_days = 2\n' >"$SCRATCH/keep.ini"
HOP_TODAY=2026-11-25 HOP_CONFIG=$SCRATCH/keep.ini expect_ok "two days later" \
	export ics --person jweiss --from 2026-11-23 --to 2026-12-04
has "$OUT" "UID:booking-3@hop.invalid" "kept up to keep_cancelled_days after the cancellation"
HOP_TODAY=2026-11-26 HOP_CONFIG=$SCRATCH/keep.ini expect_ok "three days later" \
	export ics --person jweiss --from 2026-11-23 --to 2026-12-04
hasnt "$OUT" "UID:booking-3@hop.invalid" "then gone"

# Mistakes.
expect_fail "no feed named" 2 export ics
has "$ERR" "give exactly one of --person, --team, --desk, --room or --site" "says what to give"
expect_fail "two feeds" 2 export ics --person jweiss --desk S1
expect_fail "unknown person" 3 export ics --person nobody
expect_fail "a room as desk" 1 export ics --desk R8
has "$ERR" "R8 is a room, not a desk; use --room R8" "says which option fits"
rm -f "$SCRATCH/x.ics"
expect_fail "a failed export leaves no file" 3 export ics --person nobody -o "$SCRATCH/x.ics"
if [ -e "$SCRATCH/x.ics" ] || ls "$SCRATCH"/x.ics.* >/dev/null 2>&1; then nok "a file was left behind"; else ok "no file, no temporary file"; fi

# hop feeds publish: every feed, safe names, an index, nothing rewritten twice.
P=$SCRATCH/pub
expect_fail "no such directory" 7 feeds publish "$P"
has "$ERR" "cannot write into the directory $P" "names the directory"
echo x >"$SCRATCH/plain"
expect_fail "a file, not a directory" 7 feeds publish "$SCRATCH/plain"
has "$ERR" "is not a directory; give the directory the feeds go into" "says so"
eq "$(cat "$SCRATCH/plain")" "x" "and leaves the file alone"
mkdir "$P"
expect_ok "publish" feeds publish "$P"
has "$OUT" "7 feeds in $P: files written 8, unchanged 0." "3 people, 1 team, 2 desks, 1 room; and the index"
eq "$(cd "$P" && ls | tr '\n' ' ')" \
   "desk-S1.ics desk-S2.ics index.txt person-jweiss.ics person-soz.ics person-tester.ics room-R8.ics team-referat-11.ics " \
   "the files, named by login, slug and code"
has "$P/index.txt" "room-R8.ics	Raum Müggelsee" "the index names each feed"
for f in "$P"/*.ics; do
	n=$(facts "$f" | sed -n 's/^crlf //p')
	[ "$n" = True ] || nok "$f does not parse as CRLF iCalendar"
done
ok "every published feed parses"
ino() { ls -i "$1" | cut -d' ' -f1; }
before=$(ino "$P/person-jweiss.ics") desk=$(ino "$P/desk-S2.ics")
expect_ok "publish again" feeds publish "$P"
has "$OUT" "7 feeds in $P: files written 0, unchanged 8." "a second run rewrites nothing"
eq "$(ino "$P/person-jweiss.ics")" "$before" "the file is the same file"
sed -i 's/^DTSTAMP:.*/DTSTAMP:20200101T000000Z\r/' "$P/person-soz.ics"
soz=$(ino "$P/person-soz.ics")
expect_ok "publish, only DTSTAMP differs" feeds publish "$P"
eq "$(ino "$P/person-soz.ics")" "$soz" "a feed that differs only in DTSTAMP is not rewritten"
HOP_USER=jweiss expect_ok "a change" cancel 2026-11-25 S2
expect_ok "publish after a change" feeds publish "$P"
has "$OUT" "7 feeds in $P: files written 2, unchanged 6." "only the person's and the desk's feed change"
[ "$(ino "$P/desk-S2.ics")" != "$desk" ] && ok "the desk's feed was replaced" || nok "desk-S2.ics not replaced"
has "$P/desk-S2.ics" "STATUS:CANCELLED" "and shows the cancellation"
ls "$P" | grep -v -e '\.ics$' -e '^index\.txt$' | grep -q . && nok "temporary files left" || ok "no temporary files left"
# Publishing reads the bookings of all people and of all places in one pass
# each (booking_feed_pass): every feed is what exporting it alone gives.
same=0
for f in "$P"/person-*.ics "$P"/desk-*.ics "$P"/room-*.ics; do
	b=$(basename "$f" .ics)
	"$HOP" export ics "--${b%%-*}" "${b#*-}" 2>"$ERR" | grep -v '^DTSTAMP:' >"$SCRATCH/alone.ics"
	grep -v '^DTSTAMP:' "$f" | cmp -s - "$SCRATCH/alone.ics" && same=$((same + 1)) || nok "$b differs from its export"
done
eq "$same" 6 "each published feed of a person or place is its export"

# The afternoon: 12:00-17:00.
HOP_USER=soz expect_ok "afternoon" book 2026-11-24 S1 --pm
expect_ok "desk feed" export ics --desk S1 --from 2026-11-24 --to 2026-11-24
facts "$OUT" >"$SCRATCH/pm.txt"
has "$SCRATCH/pm.txt" "status=CONFIRMED transp=OPAQUE timed 2026-11-24T12:00:00+01:00 2026-11-24T17:00:00+01:00 tzid=Europe/Berlin" \
	"afternoon: 12:00-17:00 in the site's zone"
eq "$(grep '^events' "$SCRATCH/pm.txt")" "events 2" "morning and afternoon of S1 that day"

# Into something that is not a regular file (a FIFO here; /dev/null or
# /dev/stdout alike): written through, never renamed over.
F=$SCRATCH/fifo
mkfifo "$F"
cat "$F" >"$SCRATCH/fifo.out" &
reader=$!
expect_ok "export into a FIFO" export ics --person jweiss --from 2026-11-23 --to 2026-12-04 -o "$F"
# A regression would rename a file over the FIFO and leave the reader waiting.
if [ -p "$F" ]; then ok "the FIFO is still a FIFO"; wait "$reader"
else nok "the FIFO was replaced by a file"; kill "$reader" 2>/dev/null; fi
has "$SCRATCH/fifo.out" "BEGIN:VCALENDAR" "what was written arrived through the FIFO"
rm -f "$F"

# Time zones: only those a feed's timed events can use, cut to recent years;
# UTC (which has no VTIMEZONE in libical) as times with a Z.
hasnt "$A" "TZOFFSETFROM:+005328" "the VTIMEZONE is cut to recent years (no 1893 local mean time)"
expect_ok "team feed again" export ics --team "Referat 11" --from 2026-11-23 --to 2026-12-04
eq "$(grep -c '^BEGIN:VTIMEZONE' "$OUT")" 0 "the team feed (all-day events only) has no VTIMEZONE"
# A feed without any event still has a component, as RFC 5545 asks: UTC's zone.
expect_ok "a team without presence days" team add "Leeres Team"
expect_ok "its feed" export ics --team "Leeres Team" --from 2026-11-23 --to 2026-12-04
eq "$(grep -c '^BEGIN:VEVENT' "$OUT")" 0 "no events"
eq "$(tr -d '\r' <"$OUT" | grep -c '^TZID:UTC$')" 1 "one component: the UTC time zone"
"$PY" -c 'import sys, icalendar; c = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read()); sys.exit(0 if c.subcomponents else 1)' "$OUT" &&
	ok "python-icalendar reads a component" || nok "python-icalendar: no component in $(cat "$OUT")"
expect_ok "utc site" site add "Lab" --timezone UTC
expect_ok "utc zone" zone add Lab "EG" "Labor" --level 0
expect_ok "utc desk" desk add L1 --zone Labor
HOP_USER=soz expect_ok "utc booking" book 2026-11-26 L1 --am
expect_ok "utc desk feed" export ics --desk L1 --from 2026-11-23 --to 2026-12-04
facts "$OUT" >"$SCRATCH/u.txt"
has "$SCRATCH/u.txt" "timed 2026-11-26T08:00:00+00:00 2026-11-26T12:00:00+00:00 tzid=-" "a UTC site's morning: 08:00Z, no TZID"
has "$OUT" "DTSTART:20261126T080000Z" "written with a Z"
eq "$(grep -c '^BEGIN:VTIMEZONE' "$OUT")" 0 "and no VTIMEZONE"
expect_ok "desk feed beside a UTC site" export ics --desk S1 --from 2026-11-23 --to 2026-12-04
eq "$(grep '^TZID' "$OUT" | tr -d '\r' | tr '\n' ' ')" "TZID:Europe/Berlin " "a Berlin desk's feed defines Berlin only"
expect_ok "person with bookings in two zones" export ics --person soz --from 2026-11-23 --to 2026-12-04
facts "$OUT" >"$SCRATCH/u2.txt"
has "$SCRATCH/u2.txt" "tzid=-" "the person's UTC booking"
# The calendar's name is TEXT: escaped like any other.
expect_ok "odd team" team add "Recht; Ordnung, Verwaltung"
expect_ok "odd team feed" export ics --team "Recht; Ordnung, Verwaltung"
/usr/bin/python3 -c 'import sys, icalendar; print(str(icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())["X-WR-CALNAME"]))' "$OUT" >"$SCRATCH/name.txt" 2>&1
eq "$(cat "$SCRATCH/name.txt")" "Team Recht; Ordnung, Verwaltung" "X-WR-CALNAME with ';' and ',' reads back whole"
# A cancelled booking says so in its title too (calcurse ignores STATUS).
has "$SCRATCH/a.txt" "event booking-3@hop.invalid seq=1 status=CANCELLED transp=OPAQUE date 2026-11-26 2026-11-27 tzid=- dtstamp=2026-11-23T12:00:00+00:00 summary=Cancelled: Desk S1" \
	"the cancelled booking's title begins 'Cancelled:'"

# Feeds of people who have left and of retired places go from the directory
# (a calendar subscribed to one then finds it gone); nothing else is touched.
echo keep >"$P/notes.txt"
echo keep >"$P/person-jweiss.ics.bak"
expect_ok "retire S2" desk retire S2 --from 2026-11-30
expect_ok "soz leaves" person remove soz --date 2026-11-27
HOP_TODAY=2026-12-01 expect_ok "publish a week later" feeds publish "$P"
has "$OUT" "Removed 2 feeds of people, teams or places no longer there." "says what it removed"
[ ! -e "$P/desk-S2.ics" ] && [ ! -e "$P/person-soz.ics" ] && ok "the retired desk's and the leaver's feeds are gone" ||
	nok "stale feeds left: $(ls "$P" | tr '\n' ' ')"
[ -e "$P/notes.txt" ] && [ -e "$P/person-jweiss.ics.bak" ] && [ -e "$P/person-jweiss.ics" ] &&
	ok "other files and current feeds stay" || nok "a file that is not a stale feed went: $(ls "$P" | tr '\n' ' ')"
hasnt "$P/index.txt" "person-soz.ics" "the index no longer lists the leaver"
HOP_TODAY=2026-12-01 expect_ok "publish once more" feeds publish "$P"
hasnt "$OUT" "Removed" "nothing more to remove"
# Nothing changed since: nothing is rendered (the writes keep data_rev);
# a feed file gone by hand, or any change to the data, and it is done again.
has "$OUT" "files written 0" "an unchanged organisation rewrites nothing"
rm "$P/person-jweiss.ics"
HOP_TODAY=2026-12-01 expect_ok "publish after a feed went by hand" feeds publish "$P"
[ -e "$P/person-jweiss.ics" ] && ok "the missing feed is written again" || nok "person-jweiss.ics not written"
sql "UPDATE person SET name = 'Jana Weiß-Berg' WHERE login = 'jweiss'"
HOP_TODAY=2026-12-01 expect_ok "publish after an edit" feeds publish "$P"
hasnt "$OUT" "files written 0" "the feeds that show the edited person are written"
has "$P/index.txt" "Weiß-Berg" "and listed by their new name"
sql "UPDATE person SET name = 'Jürgen Weiß' WHERE login = 'jweiss'"

# Many sites in one zone and one elsewhere: each zone once, the odd one kept.
for n in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16; do
	"$HOP" site add "Außenstelle $n" --timezone Europe/Berlin >/dev/null 2>&1 || nok "site $n"
done
expect_ok "london site" site add "London" --timezone Europe/London
expect_ok "london zone" zone add London "GF" "Embassy" --level 0
expect_ok "london desk" desk add LON1 --zone Embassy
HOP_USER=jweiss expect_ok "london booking" book 2026-12-02 LON1 --pm
HOP_USER=jweiss expect_ok "person feed over 19 sites" export ics --person jweiss --from 2026-11-30 --to 2026-12-04
facts "$OUT" >"$SCRATCH/lon.txt"
has "$SCRATCH/lon.txt" "timed 2026-12-02T12:00:00+00:00 2026-12-02T17:00:00+00:00 tzid=Europe/London" \
	"the London afternoon in London's zone"
eq "$(grep -c '^TZID:Europe/Berlin' "$OUT")" 1 "Berlin defined once for 18 sites"

# Whose calendar it is: HR of no team takes all of it (bookings the privacy
# setting hides from HR's own lists included: it is the person's calendar);
# someone of another team does not take it at all.
expect_ok "HR of no team" person add hrx --name "Hanna Rix" --roles employee,hr
HOP_USER=hrx expect_ok "HR takes a person's calendar" export ics --person jweiss --from 2026-11-23 --to 2026-12-04 -o "$SCRATCH/hr.ics"
HOP_USER=jweiss expect_ok "the person takes it themself" export ics --person jweiss --from 2026-11-23 --to 2026-12-04 -o "$SCRATCH/own.ics"
n=$(grep -c '^UID:booking-' "$SCRATCH/own.ics")
[ "$n" -gt 0 ] && eq "$(grep -c '^UID:booking-' "$SCRATCH/hr.ics")" "$n" "with all $n of the person's bookings, as they see them" ||
	nok "the person's own calendar holds no booking"
expect_ok "another team" team add "Referat 12"
expect_ok "someone there" person add ox --name "Otto Xander" --team "Referat 12"
HOP_USER=ox expect_fail "another team's employee is refused" 4 export ics --person jweiss -o "$SCRATCH/ox.ics"
has "$ERR" "only Jürgen Weiß, the lead of their team, HR or an admin" "saying who may"
[ ! -e "$SCRATCH/ox.ics" ] && ok "and no file is left" || nok "ox.ics written"
# Publishing everyone's calendars is HR's and admins'.
HOP_USER=ox expect_fail "an employee may not publish" 4 feeds publish "$SCRATCH"

# The index lists a zone's places in the order they were added, on
# PostgreSQL too, where a place changed since (a new row version at the end
# of the table) would otherwise come back last.
expect_ok "index zone" zone add Haus "4. OG" "Ordnung" --level 4
expect_ok "index zone 2" zone add Haus "4. OG" "Ordnung Nord" --level 4
i=1
while [ "$i" -le 30 ]; do
	"$HOP" desk add "O$i" --zone Ordnung >/dev/null 2>&1 || nok "desk O$i"
	"$HOP" desk add "N$i" --zone "Ordnung Nord" >/dev/null 2>&1 || nok "desk N$i"
	i=$((i + 1))
done
for c in O1 O5 O9 O13 O17; do "$HOP" desk edit "$c" --attr monitor >/dev/null 2>&1 || nok "edit $c"; done
mkdir "$SCRATCH/order"
expect_ok "publish for the order" feeds publish "$SCRATCH/order"
want=$(i=1; while [ "$i" -le 30 ]; do printf 'desk-O%s.ics ' "$i"; i=$((i + 1)); done)
eq "$(grep -o '^desk-O[0-9]*\.ics' "$SCRATCH/order/index.txt" | tr '\n' ' ')" "$want" \
	"index.txt: a zone's places in the order they were added"
finish
