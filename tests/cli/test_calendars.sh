#!/bin/sh
# hop's iCalendar feeds in real calendar programs: khal and calcurse (Debian's
# packages, when installed) import the feeds of a small organisation made here,
# and what they list is compared, day by day and hour by hour, with what the
# bookings say.  A program that is not installed has its checks skipped.
. "$(dirname "$0")/lib.sh"

HAVE_KHAL=false HAVE_CALCURSE=false
command -v khal >/dev/null 2>&1 && HAVE_KHAL=true
command -v calcurse >/dev/null 2>&1 && HAVE_CALCURSE=true
if ! $HAVE_KHAL && ! $HAVE_CALCURSE; then
	skip "khal is not installed (apt-get install khal)"
	skip "calcurse is not installed (apt-get install calcurse)"
	finish
	exit
fi

# ---- a small organisation ----
expect_ok "init" init --name "Tess Ter"
expect_ok "team" team add "Referat 11"
expect_ok "jürgen" person add jweiss --name "Jürgen Weiß" --team "Referat 11"
expect_ok "şükrü" person add soz --name "Şükrü Öztürk" --team "Referat 11"
expect_ok "site" site add "Haus" --timezone Europe/Berlin --region BE
expect_ok "zone" zone add Haus "3. OG" "Süd" --level 3 --team "Referat 11"
expect_ok "desk S1" desk add S1 --zone Süd
expect_ok "desk S2" desk add S2 --zone Süd
expect_ok "room" room add R8 --zone Süd --kind meeting-room --capacity 8 --name "Raum Müggelsee"
HOP_USER=jweiss expect_ok "whole day" book 2026-11-24 S1
HOP_USER=jweiss expect_ok "morning" book 2026-11-25 S2 --am
HOP_USER=soz expect_ok "afternoon" book 2026-11-25 S2 --pm
HOP_USER=jweiss expect_ok "to be cancelled" book 2026-11-26 S1
HOP_USER=jweiss expect_ok "cancel it" cancel 2026-11-26
HOP_USER=soz expect_ok "room for a day" book 2026-11-27 R8
HOP_USER=jweiss expect_ok "home" presence set 2026-11-30 home
expect_ok "team day" teamday set "Referat 11" 2026-12-01
# Removals stay as cancelled events, as a cancelled booking does.
expect_ok "a team day to remove" teamday set "Referat 11" 2026-12-02
expect_ok "remove it" teamday remove "Referat 11" 2026-12-02
HOP_USER=jweiss expect_ok "a day to clear" presence set 2026-12-03 mobile
HOP_USER=jweiss expect_ok "clear it" presence clear 2026-12-03
# Either side of the change to summer time (Sunday 28 March 2027; Good Friday
# and Easter Monday are holidays): booked within the horizon of 22 March.
HOP_USER=jweiss HOP_TODAY=2027-03-22 expect_ok "morning in winter time" book 2027-03-25 S1 --am
HOP_USER=jweiss HOP_TODAY=2027-03-22 expect_ok "afternoon in summer time" book 2027-03-31 S1 --pm

NAMES=$SCRATCH/names.ini
printf '[booking]\nshow_booker_names = all\n' >"$NAMES"
F=$SCRATCH/feeds
mkdir -p "$F"
expect_ok "person feed" export ics --person jweiss --from 2026-11-23 --to 2027-04-02 -o "$F/person.ics"
HOP_CONFIG=$NAMES expect_ok "desk feed, names shown" export ics --desk S2 --from 2026-11-23 --to 2026-12-04 -o "$F/desk.ics"
expect_ok "room feed" export ics --room R8 --from 2026-11-23 --to 2026-12-04 -o "$F/room.ics"
expect_ok "team feed" export ics --team "Referat 11" --from 2026-11-23 --to 2026-12-04 -o "$F/team.ics"
expect_ok "holiday feed" export ics --person soz --from 2026-12-20 --to 2027-01-02 --holidays -o "$F/holidays.ics"
nevents() { grep -c '^BEGIN:VEVENT' "$1"; }

# What each feed must show: "DAY TIME TITLE", TIME "allday" or "HH:MM-HH:MM" in
# Europe/Berlin, a cancelled event with " (cancelled)" at the end.  Sorted.
PERSON_WANT="2026-11-24 allday Desk S1
2026-11-24 allday Office
2026-11-25 08:00-12:00 Desk S2
2026-11-25 allday Office
2026-11-26 allday Cancelled: Desk S1 (cancelled)
2026-11-26 allday Office
2026-11-30 allday Home
2026-12-01 allday Team day: Referat 11
2026-12-02 allday Cancelled: Team day: Referat 11 (cancelled)
2026-12-03 allday Cancelled: Work location (cancelled)
2027-03-25 08:00-12:00 Desk S1
2027-03-25 allday Office
2027-03-31 12:00-17:00 Desk S1
2027-03-31 allday Office"
# The same timed events seen from New York: 08:00 CET is 02:00 EST; on 25 March
# New York is in summer time already (03:00), on 31 March Berlin too (06:00).
PERSON_NY="2026-11-25 02:00-06:00 Desk S2
2027-03-25 03:00-07:00 Desk S1
2027-03-31 06:00-11:00 Desk S1"
DESK_WANT="2026-11-25 08:00-12:00 S2: Jürgen Weiß
2026-11-25 12:00-17:00 S2: Şükrü Öztürk"
ROOM_WANT="2026-11-27 allday Raum Müggelsee: booked"
TEAM_WANT="2026-12-01 allday Team day: Referat 11
2026-12-02 allday Cancelled: Team day: Referat 11 (cancelled)"
HOLIDAY_DAYS="2026-12-25 2026-12-26 2027-01-01"
# 24 and 31 December, free by [policy] free_dec24_dec31 (the default), beside them.
FREE_DAYS="2026-12-24 2026-12-31"
# The holidays' names are hop's own; their days are checked here.
holiday_want() {
	for d in $(printf '%s\n' $HOLIDAY_DAYS $FREE_DAYS | sort); do
		n=$(grep -A8 -e "^UID:holiday-BE-$d@" -e "^UID:freeday-$d@" "$F/holidays.ics" | sed -n 's/^SUMMARY:\(.*\)\r$/\1/p' | head -n 1)
		echo "$d allday $n"
	done
}
eq "$(grep -c '^UID:holiday-' "$F/holidays.ics")" "3" "the holiday feed holds three holidays"
eq "$(grep -c '^UID:freeday-' "$F/holidays.ics")" "2" "and the two days freed by policy"
has "$F/holidays.ics" "SUMMARY:24 December (free under § 6 (3) TVöD/TV-L)" "a freed day named like a holiday"

# ---- khal ----
# khal list prints a heading per day ("#DAY"), then each event of that day: an
# event spanning two days appears under both headings.
khal_norm() {
	awk -F'|' '
		/^#/ { day = substr($0, 2); next }
		NF >= 5 {
			t = ($2 == "") ? "allday" : $2 "-" $3
			title = $5; for (i = 6; i <= NF; i++) title = title "|" $i
			c = ($4 ~ /CANCELLED/) ? " (cancelled)" : ""
			print day " " t " " title c
		}' | LC_ALL=C sort
}
if $HAVE_KHAL; then
	KH=$SCRATCH/khal
	mkdir -p "$KH/home" "$KH/conf/khal" "$KH/ny/khal"
	for c in person desk room team holidays person_ny; do mkdir -p "$KH/cal/$c"; done
	khal_conf() {
		echo "[calendars]"
		for c in $2; do printf '[[%s]]\npath = %s\ntype = calendar\n' "$c" "$KH/cal/$c"; done
		printf '[locale]\ntimeformat = %%H:%%M\ndateformat = %%Y-%%m-%%d\n'
		printf 'longdateformat = %%Y-%%m-%%d\ndatetimeformat = %%Y-%%m-%%d %%H:%%M\n'
		printf 'longdatetimeformat = %%Y-%%m-%%d %%H:%%M\n'
		printf 'local_timezone = %s\ndefault_timezone = %s\n' "$1" "$1"
		printf '[sqlite]\npath = %s\n' "$KH/$3.db"
	}
	khal_conf Europe/Berlin "person desk room team holidays" berlin >"$KH/conf/khal/config"
	khal_conf America/New_York "person_ny" ny >"$KH/ny/khal/config"
	# kh CONFIGDIR ARGS...: khal with everything of its own in the scratch dir.
	kh() {
		d=$1; shift
		HOME=$KH/home XDG_CONFIG_HOME=$d XDG_DATA_HOME=$KH/data XDG_CACHE_HOME=$KH/cache \
			TZ=Europe/Berlin khal "$@"
	}
	# kh_import CONFIGDIR CALENDAR FILE: no warning, exit 0, every event stored
	kh_import() {
		kh "$1" import --batch -a "$2" "$3" >"$OUT" 2>"$ERR"; rc=$?
		if [ "$rc" -eq 0 ] && ! [ -s "$ERR" ]; then ok "khal imports the $2 feed without a warning"
		else nok "khal import of the $2 feed (exit $rc): $(head -c 600 "$ERR")"; fi
		eq "$(ls "$KH/cal/$2" | wc -l | tr -d ' ')" "$(nevents "$3")" "khal stored every event of the $2 feed"
	}
	# kh_list CONFIGDIR CALENDAR FROM TO: the normalized events
	kh_list() {
		kh "$1" list -a "$2" --day-format '#{date}' \
			--format '{start-date}|{start-time}|{end-time}|{status}|{title}' "$3" "$4" 2>"$ERR" | khal_norm
		[ -s "$ERR" ] && echo "stderr: $(head -c 300 "$ERR")"
	}
	kh_import "$KH/conf" person "$F/person.ics"
	kh_import "$KH/conf" desk "$F/desk.ics"
	kh_import "$KH/conf" room "$F/room.ics"
	kh_import "$KH/conf" team "$F/team.ics"
	kh_import "$KH/conf" holidays "$F/holidays.ics"
	kh_import "$KH/ny" person_ny "$F/person.ics"

	eq "$(kh_list "$KH/conf" person 2026-11-20 2027-04-05)" "$PERSON_WANT" \
		"khal: the person's days, all-day events on their day only, half days 08:00-12:00 and 12:00-17:00 across the change to summer time, the cancellation marked"
	eq "$(kh_list "$KH/ny" person_ny 2026-11-20 2027-04-05 | grep -v ' allday ')" "$PERSON_NY" \
		"khal in New York: the half days at the same instants (the TZID is honoured, not read as floating time)"
	eq "$(kh_list "$KH/conf" desk 2026-11-20 2026-12-05)" "$DESK_WANT" "khal: the desk's morning and afternoon, umlauts and ş intact"
	eq "$(kh_list "$KH/conf" room 2026-11-20 2026-12-05)" "$ROOM_WANT" "khal: the room's day, its name intact"
	eq "$(kh_list "$KH/conf" team 2026-11-20 2026-12-05)" "$TEAM_WANT" "khal: the team day, and the removed one as cancelled"
	eq "$(kh_list "$KH/conf" holidays 2026-12-18 2027-01-05)" "$(holiday_want)" "khal: the public holidays, each on its day"
	eq "$(kh_list "$KH/conf" person 2026-11-25 2026-11-25)" "2026-11-25 08:00-12:00 Desk S2
2026-11-25 allday Office" "khal: one day holds only its own events (the day before's all-day booking is not there)"
	kh "$KH/conf" at -a person --day-format '' --format '{start-time}-{end-time} {title}' 2026-11-25 11:59 >"$OUT" 2>"$ERR"
	has "$OUT" "08:00-12:00 Desk S2" "khal at 11:59: the morning booking"
	kh "$KH/conf" at -a person --day-format '' --format '{start-time}-{end-time} {title}' 2026-11-25 12:00 >"$OUT" 2>"$ERR"
	hasnt "$OUT" "Desk S2" "khal at 12:00: the morning is over"
	kh "$KH/conf" list -a room --day-format '' --format '{location}' 2026-11-27 2026-11-27 >"$OUT" 2>"$ERR"
	eq "$(cat "$OUT")" "Haus, floor 3. OG, Süd, R8" "khal: LOCATION unescaped, umlaut intact"
else
	skip "khal is not installed (apt-get install khal): its checks are skipped"
fi

# ---- calcurse ----
# calcurse -Q prints "DAY:" and then the day's items in the formats given
# here; an all-day event of two days would be a daily recurring one.
cc_norm() {
	awk '
		/^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]:$/ { day = substr($0, 1, 10); next }
		/^@/ { print day " " substr($0, 2) }' | LC_ALL=C sort
}
if $HAVE_CALCURSE; then
	CC=$SCRATCH/calcurse
	mkdir -p "$CC/home"
	# cc ZONE DIR ARGS...
	cc() {
		z=$1 d=$2; shift 2
		HOME=$CC/home XDG_CONFIG_HOME=$CC/conf XDG_DATA_HOME=$CC/data TZ=$z calcurse -D "$d" "$@"
	}
	# cc_import ZONE NAME FILE: the report counts every event and skips none
	cc_import() {
		name=$2 n=$(nevents "$3")
		rm -rf "${CC:?}/$name"; mkdir -p "$CC/$name"
		cc "$1" "$CC/$name" -i "$3" >"$OUT" 2>"$ERR"; rc=$?
		got=$(sed -n 's#^\([0-9]*\) apps\{0,1\} / \([0-9]*\) events\{0,1\} / 0 todos / \([0-9]*\) skipped$#\1 \2 \3#p' "$OUT")
		set -- $got x x x
		if [ "$rc" -eq 0 ] && ! [ -s "$ERR" ] && [ "$3" = 0 ] && [ "$(($1 + $2))" = "$n" ]; then
			ok "calcurse imports the $name feed: $n events, none skipped, no warning"
		else
			nok "calcurse import of the $name feed (exit $rc, $n events): $(head -c 300 "$OUT") $(head -c 300 "$ERR")"
		fi
	}
	# cc_list ZONE NAME FROM TO: the normalized items
	cc_list() {
		cc "$1" "$CC/$2" --input-datefmt 4 --output-datefmt '%Y-%m-%d' -Q --from "$3" --to "$4" \
			--format-apt '@%(start:%H:%M)-%(end:%H:%M) %m\n' --format-recur-apt '@%(start:%H:%M)-%(end:%H:%M) %m\n' \
			--format-event '@allday %m\n' --format-recur-event '@allday %m (recurring)\n' 2>"$ERR" | cc_norm
		[ -s "$ERR" ] && echo "stderr: $(head -c 300 "$ERR")"
	}
	for c in person desk room team holidays; do
		cc_import Europe/Berlin "$c" "$F/$c.ics"
	done
	cc_import America/New_York person_ny "$F/person.ics"

	# calcurse has no cancelled state: it shows a STATUS:CANCELLED event as an
	# ordinary one, and only the title could tell.
	got=$(cc_list Europe/Berlin person 2026-11-20 2027-04-05)
	cancelled=$(printf '%s\n' "$got" | grep ' allday Cancelled: ')
	want_cc=$(printf '%s\n' "$PERSON_WANT" | grep -v ' allday Cancelled: ')
	eq "$(printf '%s\n' "$got" | grep -v ' allday Cancelled: ')" "$want_cc" \
		"calcurse: the person's days, all-day events on their day only, half days 08:00-12:00 and 12:00-17:00 across the change to summer time"
	eq "$cancelled" "2026-11-26 allday Cancelled: Desk S1
2026-12-02 allday Cancelled: Team day: Referat 11
2026-12-03 allday Cancelled: Work location" \
		"calcurse: the cancelled booking, the removed team day and the cleared day say so in their titles (calcurse ignores STATUS:CANCELLED)"
	eq "$(cc_list America/New_York person_ny 2026-11-20 2027-04-05 | grep -v ' allday ')" "$PERSON_NY" \
		"calcurse in New York: the half days at the same instants (the TZID is honoured)"
	eq "$(cc_list Europe/Berlin desk 2026-11-20 2026-12-05)" "$DESK_WANT" "calcurse: the desk's morning and afternoon, umlauts and ş intact"
	eq "$(cc_list Europe/Berlin room 2026-11-20 2026-12-05)" "$ROOM_WANT" "calcurse: the room's day, its name intact"
	eq "$(cc_list Europe/Berlin team 2026-11-20 2026-12-05)" "$(printf '%s\n' "$TEAM_WANT" | sed 's/ (cancelled)$//')" \
		"calcurse: the team day, and the removed one by its title"
	eq "$(cc_list Europe/Berlin holidays 2026-12-18 2027-01-05)" "$(holiday_want)" "calcurse: the public holidays, each on its day"
	eq "$(cc_list Europe/Berlin person 2026-11-25 2026-11-25)" "2026-11-25 08:00-12:00 Desk S2
2026-11-25 allday Office" "calcurse: one day holds only its own events"
	if grep -rqF "Location: Haus, floor 3. OG, Süd, R8" "$CC/room/notes" 2>/dev/null; then
		ok "calcurse: LOCATION in the note, unescaped, umlaut intact"
	else nok "calcurse: no 'Location: Haus, floor 3. OG, Süd, R8' note ($(cat "$CC/room/notes"/* 2>/dev/null | head -c 300))"; fi
else
	skip "calcurse is not installed (apt-get install calcurse): its checks are skipped"
fi

finish
