#!/bin/sh
# The feeds' bookings as booking_feed_each reads them: a site's day by day
# with its recent cancellations (db/sqlite/0012_speed.sql's index), a place's names from the
# map read once, the booker named only under show_booker_names = all, and a
# person's feed without the bookings the privacy rule hides from whoever
# exports it.
. "$(dirname "$0")/lib.sh"

expect_ok "init" init --name "Tess Ter"
expect_ok "team 11" team add "Referat 11"
expect_ok "team 12" team add "Referat 12"
expect_ok "anna" person add anna --name "Anna Berg" --team "Referat 11"
expect_ok "bert" person add bert --name "Bert Öz" --team "Referat 12"
expect_ok "lead of 12" person add lena --name "Lena Lorenz" --team "Referat 12" --roles employee,lead
expect_ok "12's lead" team edit "Referat 12" --lead lena
expect_ok "site" site add "Haus"
expect_ok "zone" zone add Haus "EG" "Nord" --level 0
expect_ok "desk 1" desk add D1 --zone Nord
expect_ok "desk 2" desk add D2 --zone Nord
expect_ok "room" room add R1 --zone Nord --kind meeting-room --capacity 6 --name "Raum Spree"
expect_ok "other site" site add "Anderswo"
expect_ok "other zone" zone add Anderswo "1. OG" "West" --level 1
expect_ok "other desk" desk add X1 --zone West
HOP_USER=anna expect_ok "anna D1" book 2026-11-24 D1
HOP_USER=bert expect_ok "bert D2" book 2026-11-24 D2 --pm
HOP_USER=bert expect_ok "bert elsewhere" book 2026-11-25 X1
HOP_USER=anna expect_ok "anna D2" book 2026-11-26 D2
HOP_USER=anna expect_ok "anna cancels" cancel 2026-11-26
HOP_USER=bert expect_ok "bert room" book 2026-11-27 R1
HOP_USER=bert expect_ok "bert D1 next month" book 2026-12-10 D1

uids() { grep '^UID:booking-' "$OUT" | tr -d '\r' | sed 's/^UID://' | sort | tr '\n' ' '; }

# A site: its places' bookings, day by day, the recent cancellation too.
expect_ok "site feed" export ics --site Haus --from 2026-11-23 --to 2026-12-31
eq "$(uids)" "booking-1@hop.invalid booking-2@hop.invalid booking-4@hop.invalid booking-5@hop.invalid booking-6@hop.invalid " \
	"the site's five bookings (one cancelled), not the other site's"
has "$OUT" "LOCATION:Haus\\, floor EG\\, Nord\\, D2" "the place's site, floor and zone from the map"
has "$OUT" "SUMMARY:Raum Spree: booked" "a room by its name, the booker not named (team)"
has "$OUT" "SUMMARY:Cancelled: D2: booked" "the cancellation says so"
eq "$(grep -c '^STATUS:CANCELLED' "$OUT")" 1 "one cancelled"
expect_ok "the period" export ics --site Haus --from 2026-11-25 --to 2026-11-30
eq "$(uids)" "booking-4@hop.invalid booking-5@hop.invalid " "only the period's days, cancelled or not"
printf '[booking]\nshow_booker_names = all\n' >"$SCRATCH/all.ini"
HOP_CONFIG=$SCRATCH/all.ini expect_ok "names for all" export ics --site Haus --from 2026-11-23 --to 2026-12-31
has "$OUT" "SUMMARY:D1: Anna Berg" "with show_booker_names = all the booker is named"
has "$OUT" "SUMMARY:D2: Bert Öz" "each booker"
# keep_cancelled_days after the cancellation (made on 2026-11-23) it goes.
printf '[feeds]\nkeep_cancelled_days = 2\n' >"$SCRATCH/keep.ini"
HOP_TODAY=2026-11-25 HOP_CONFIG=$SCRATCH/keep.ini expect_ok "two days later" \
	export ics --site Haus --from 2026-11-23 --to 2026-12-31
has "$OUT" "UID:booking-4@hop.invalid" "the cancellation kept keep_cancelled_days"
HOP_TODAY=2026-11-26 HOP_CONFIG=$SCRATCH/keep.ini expect_ok "three days later" \
	export ics --site Haus --from 2026-11-23 --to 2026-12-31
hasnt "$OUT" "UID:booking-4@hop.invalid" "then gone from the site's feed"
has "$OUT" "UID:booking-1@hop.invalid" "the others stay"
# A place made after the first feed of a session is found too (publish).
expect_ok "a desk made now" desk add D3 --zone Nord
HOP_USER=anna expect_ok "booked" book 2026-12-01 D3
expect_ok "site feed again" export ics --site Haus --from 2026-12-01 --to 2026-12-01
has "$OUT" "LOCATION:Haus\\, floor EG\\, Nord\\, D3" "the new desk's names"

# A person's feed holds the bookings whoever exports it may see.
expect_ok "as admin" export ics --person bert --from 2026-11-23 --to 2026-12-31
eq "$(uids)" "booking-2@hop.invalid booking-3@hop.invalid booking-5@hop.invalid booking-6@hop.invalid " \
	"an admin sees all of Bert's"
HOP_USER=bert expect_ok "as bert" export ics --person bert --from 2026-11-23 --to 2026-12-31
eq "$(grep -c '^UID:booking-' "$OUT")" 4 "Bert sees his own"
HOP_USER=lena expect_ok "as his lead" export ics --person bert --from 2026-11-23 --to 2026-12-31
eq "$(grep -c '^UID:booking-' "$OUT")" 4 "his team sees them (show_booker_names = team)"
# A person's calendar (with their trainings and moves) is theirs, their
# lead's, HR's and admins': another team's member does not take it, whatever
# the names shown in lists.
HOP_USER=anna expect_fail "another team's member does not take his calendar" 4 export ics --person bert --from 2026-11-23 --to 2026-12-31
HOP_USER=anna HOP_CONFIG=$SCRATCH/all.ini expect_fail "nor with names shown to all" 4 export ics --person bert --from 2026-11-23 --to 2026-12-31
printf '[booking]\nshow_booker_names = none\n' >"$SCRATCH/none.ini"
HOP_USER=lena HOP_CONFIG=$SCRATCH/none.ini expect_ok "names for none" export ics --person bert --from 2026-11-23 --to 2026-12-31
eq "$(grep -c '^UID:booking-' "$OUT")" 0 "with none not even the lead"
HOP_USER=anna HOP_CONFIG=$SCRATCH/none.ini expect_ok "her own" export ics --person anna --from 2026-11-23 --to 2026-12-31
eq "$(grep -c '^UID:booking-' "$OUT")" 3 "but each their own"
# A move: Bert joins Referat 11 on 2026-12-01; Anna, a member there, is not his lead.
expect_ok "bert moves" assign bert "Referat 11" --from 2026-12-01
HOP_USER=anna expect_fail "a teammate after the move does not take it either" 4 export ics --person bert --from 2026-11-23 --to 2026-12-31

finish
