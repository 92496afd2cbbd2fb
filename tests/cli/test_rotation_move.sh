#!/bin/sh
# Moves and secondments (issue 14, ROT-5, ROT-6, ROT-9): hop assign --host
# with its flags on standard error (a 30-month secondment to a Land
# authority needs consent), no desk at home on the days of a secondment
# outside, the bookings a move leaves in conflict, and a handover that starts
# both checklists.
. "$(dirname "$0")/lib.sh"

expect_ok "init" init --name "Tess Ter"
expect_ok "team 11" team add "Referat 11"
expect_ok "team 12" team add "Referat 12"
expect_ok "site in Berlin" site add "Haus" --timezone Europe/Berlin --region BE
expect_ok "zone of team 11" zone add Haus "1. OG" Nord --team "Referat 11"
expect_ok "zone of team 12" zone add Haus "2. OG" West --team "Referat 12"
for d in N1 N2 N3; do expect_ok "desk $d" desk add "$d" --zone "Haus/1. OG/Nord"; done
for d in W1 W2; do expect_ok "desk $d" desk add "$d" --zone "Haus/2. OG/West"; done
expect_ok "lead of 11" person add l11 --name "Lea Leitung" --team "Referat 11" --roles lead --start 2010-01-04
expect_ok "11 led by l11" team edit "Referat 11" --lead l11
expect_ok "lead of 12" person add l12 --name "Leo Leitung" --team "Referat 12" --roles lead --start 2010-01-04
expect_ok "12 led by l12" team edit "Referat 12" --lead l12
expect_ok "a" person add a1 --name "Anna Abgeordnet" --team "Referat 11" --start 2015-01-05
expect_ok "b" person add b1 --name "Bert Bleibt" --team "Referat 11" --start 2015-01-05
expect_ok "c" person add c1 --name "Clara Wechsel" --team "Referat 11" --start 2015-01-05
expect_ok "m" person add m12 --name "Max Mentor" --team "Referat 12" --start 2012-01-02

# ---- a secondment outside: 30 months to a Land authority ----
expect_ok "a1 books N1 on 1 Dec before the secondment is known" book 2026-12-01 N1 --for a1
expect_ok "a1 seconded to a Land authority for 30 months" assign a1 --host "Finanzministerium NRW" --level land --from 2026-12-01 --until 2029-05-31
has "$OUT" "a1 is seconded from Referat 11 to Finanzministerium NRW (Land) from 2026-12-01 to 2029-05-31" "said where to"
has "$ERR" "hop: note: a secondment of 30 months needs the person's consent (BBG § 27)" "flagged for consent"
has "$ERR" "hop: note: the staff council (Personalrat) takes part" "and for the staff council"
eq "$(sql "SELECT team_id = (SELECT id FROM team WHERE name = 'Referat 11') || '|' || host || '|' || host_level FROM membership WHERE kind = 'secondment' AND person_id = (SELECT id FROM person WHERE login = 'a1')")" "1|Finanzministerium NRW|land" "stored: seconded from Referat 11, host and level"
