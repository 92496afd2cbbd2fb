# hop import people / hop export people: all rows or none, every bad row
# named, German spreadsheets, permissions, round trips.
. "$(dirname "$0")/lib.sh"

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SAMPLE="$ROOT/sample-config/people.csv"
cd "$SCRATCH" || exit 1

# run_in FILE CMD...: like run, with standard input from FILE
run_in() { f=$1; shift; "$HOP" "$@" <"$f" >"$OUT" 2>"$ERR"; RC=$?; }

expect_ok "init" init --name "Test Admin"

# ---- the sample file, which needs its teams created ----
before=$(sql .dump)
expect_fail "sample without --create-teams is refused" 1 import people "$SAMPLE"
has "$ERR" "people.csv:2: there is no team 'Referat Z 1 – Personal'" "the first row's team is named with its line"
has "$ERR" "people.csv:12: there is no team 'Referat 13 – Grundsatzfragen'" "the last row is reported too"
has "$ERR" "hop: $SAMPLE: 11 of 11 rows have errors; nothing was imported" "the summary counts the bad rows"
eq "$(grep -c 'there is no team' "$ERR")" "11" "every bad row is reported"
eq "$(sql .dump)" "$before" "the refused import changed nothing"

expect_ok "dry run" import people --dry-run --create-teams "$SAMPLE"
has "$OUT" "would add 11, update 0, leave 0 unchanged (teams to create 4)" "the dry run reports the counts"
eq "$(sql .dump)" "$before" "the dry run changed nothing"

expect_ok "sample with --create-teams" import people "$SAMPLE" --create-teams
has "$OUT" "added 11, updated 0, unchanged 0 (teams created 4)" "the import reports what it did"
eq "$(sql "SELECT count(*) FROM person")" "12" "eleven people and the admin"
eq "$(sql "SELECT count(*) FROM team")" "4" "four teams"
eq "$(sql "SELECT name FROM person WHERE login = 'dstrauss'")" "Dieter Strauß" "ß survives"
eq "$(sql "SELECT name FROM person WHERE login = 'amueller'")" "Müller, Anna-Lena" "a quoted name with a comma"
eq "$(sql "SELECT end_date FROM person WHERE login = 'dstrauss'")" "2027-03-31" "DD.MM.YYYY end date stored as ISO"
eq "$(sql "SELECT count(*) FROM audit WHERE action = 'import.people'")" "1" "one audit entry for the import"

expect_ok "the same file again" import people "$SAMPLE"
has "$OUT" "added 0, updated 0, unchanged 11 (teams created 0)" "a second import changes nothing"
eq "$(sql "SELECT count(*) FROM audit WHERE action = 'import.people'")" "1" "and logs nothing"

# ---- every bad row, and nothing written ----
printf '%s\n' \
	'login;name;email;team;roles;start_date;end_date' \
	'neu1;Neu Eins;n1@example.org;Referat Z 1 – Personal;;2026-12-01;' \
	'Neu2;Neu Zwei;;;;;' \
	'neu3;Neu Drei;keine-adresse;;;;' \
	'neu4;Neu Vier;;;;29.02.2027;' \
	'neu5;Neu Fünf;;Referat 99;;;' \
	'neu6;Neu Sechs;;;chef;;' \
	'neu7;Neu Sieben;;;;2026-05-01;2026-04-30' \
	'neu1;Neu Eins doppelt;;;;;' \
	'neu9;Neu Neun' \
	'neu10;Neu Zehn;;;;morgen;' \
	'jweiss;Jürgen Weiß-Neu;;;;;' > bad.csv
before=$(sql .dump)
expect_fail "a file with bad rows is refused" 1 import people bad.csv
has "$ERR" "bad.csv:3: the login 'Neu2' is not a Unix login" "bad login, line 3"
has "$ERR" "bad.csv:4: 'keine-adresse' is not an e-mail address" "bad e-mail, line 4"
has "$ERR" "bad.csv:5: start_date: '29.02.2027' is not a date: February 2027 has 28 days" "no such day, line 5"
has "$ERR" "bad.csv:6: there is no team 'Referat 99'" "unknown team, line 6"
has "$ERR" "bad.csv:7: roles: 'chef'" "unknown role, line 7"
has "$ERR" "bad.csv:8: the end date 2026-04-30 is before the start date 2026-05-01" "end before start, line 8"
has "$ERR" "bad.csv:9: the login 'neu1' is already on line 2" "duplicate login names both lines"
has "$ERR" "bad.csv:10: the row has 2 fields but the header has 7 columns" "short row, line 10"
has "$ERR" "bad.csv:11: start_date: 'morgen' is not a date; write it as YYYY-MM-DD or DD.MM.YYYY" "no relative dates in files"
hasnt "$ERR" "bad.csv:2:" "the good row is not reported"
hasnt "$ERR" "bad.csv:12:" "the good update is not reported"
has "$ERR" "hop: bad.csv: 9 of 11 rows have errors; nothing was imported" "summary"
eq "$(sql .dump)" "$before" "nothing of the good rows was written"

# ---- header problems ----
printf 'login;name;telefon\nx;y;1\n' > hdr.csv
expect_fail "unknown column" 1 import people hdr.csv
has "$ERR" "hdr.csv:1: unknown column 'telefon'; the columns are login, name, email" "the unknown column is named with the accepted ones"
printf 'login;name;Mail;E-Mail\nx;y;a@b.c;a@b.c\n' > hdr.csv
expect_fail "duplicate column" 1 import people hdr.csv
has "$ERR" "columns 3 ('Mail') and 4 ('E-Mail') both give the email" "the duplicate columns are named"
printf 'kennung;email\nx;a@b.c\n' > hdr.csv
expect_fail "missing name column" 1 import people hdr.csv
has "$ERR" "the header has no column 'name'" "the missing column is named"
eq "$(sql .dump)" "$before" "header problems changed nothing"

# ---- BOM, CRLF, quotes with line breaks and separators, from standard input ----
printf '\357\273\277Login;Name;Team;Eintritt\r\njweiss;"Weiß; Jürgen";Referat Z 1 – Personal;15.09.2008\r\n"neu";"Nina ""Nini"" Neumann";"Referat Z 2 – Haushalt";1.12.2026\r\n' > excel.csv
run_in excel.csv import people -
eq "$RC" "0" "import from standard input"
has "$OUT" "added 1, updated 1, unchanged 0 (teams created 0)" "one added, one updated"
eq "$(sql "SELECT name FROM person WHERE login = 'jweiss'")" "Weiß; Jürgen" "a quoted semicolon stays in the name"
eq "$(sql "SELECT name || '|' || start_date FROM person WHERE login = 'neu'")" 'Nina "Nini" Neumann|2026-12-01' "doubled quotes and D.M.YYYY"
eq "$(sql "SELECT email FROM person WHERE login = 'jweiss'")" "juergen.weiss@example.org" "a column the file lacks is left alone"

printf 'login;name\nx1;"zwei\nZeilen"\n' > nl.csv
run_in nl.csv import people -
eq "$RC" "1" "a line break inside a quoted name is refused"
has "$ERR" "stdin:2: the name contains a control character" "standard input is named stdin, with the line"

# ---- a huge field, and bytes that are not UTF-8 ----
{ printf 'login;name\nbig;"'; head -c 10485760 /dev/zero | tr '\0' x; printf '"\n'; } > big.csv
before=$(sql .dump)
expect_fail "a 10 MB field is refused" 1 import people big.csv
has "$ERR" "big.csv:2: field 2 is longer than 65536 bytes" "the long field is named with its line"
eq "$(sql .dump)" "$before" "the huge file changed nothing"
# UTF-8 first, then a byte that is not: mixed, refused with the advice for
# what German Excel writes (WINDOWS-1252; latin1 would garble – „ “ €).
printf 'login;name\njw1;J\303\266rg\njw2;J\374rgen\n' > mixed.csv
expect_fail "a file of UTF-8 and something else is refused" 1 import people mixed.csv
has "$ERR" "mixed.csv:3: field 2 is not valid UTF-8, although the file is" "the encoding problem is named with line and field"
has "$ERR" "iconv -f WINDOWS-1252 -t UTF-8" "and how to convert the file"
eq "$(sql .dump)" "$before" "the mixed file changed nothing"
# Windows-1252 as German Excel saves "CSV (Trennzeichen-getrennt)", with
# rows of nothing but separators below the data: read, converted, imported.
printf 'login;name;email;team\r\ncpa;J\374rgen Wei\337;;\r\ncpb;\204Anna\223 \226 B\344r;;\r\n;;;\r\n;;;\r\n' > cp1252.csv
expect_ok "a Windows-1252 file is imported" import people cp1252.csv --dry-run
has "$OUT" "would add 2," "both people, the separator rows passed over"
has "$OUT" "the file was read as Windows-1252" "and says how it was read"
eq "$(sql .dump)" "$before" "the dry run changed nothing"

# ---- permissions ----
HOP_USER=soeztuerk
expect_fail "an employee may not import" 4 import people excel.csv
has "$ERR" "only HR or an admin" "the refusal says who may"
eq "$(sql .dump)" "$before" "the refused import changed nothing"
expect_fail "an employee may not export the people (issue 11: HR's)" 4 export people
has "$ERR" "only HR or an admin can export the list of people" "the refusal says who may"
HOP_USER=mschroeder
expect_ok "hr may import" import people excel.csv
has "$OUT" "unchanged 2" "hr sees the counts"
HOP_USER=tester

# ---- export ----
expect_ok "export to standard output" export people
eq "$(head -n 1 "$OUT" | tr -d '\r')" "login,name,email,team,roles,start_date,end_date" "English header"
has "$OUT" '"Müller, Anna-Lena"' "a field with the separator is quoted"
has "$OUT" 'jweiss,Weiß; Jürgen,' "a field without it is not"
expect_ok "export as TSV" export people --format tsv
eq "$(head -n 1 "$OUT")" "$(printf 'login\tname\temail\tteam\troles\tstart_date\tend_date')" "TSV header with tabs and LF"
expect_fail "export as JSON is a usage error" 2 export people --format json
has "$ERR" "csv, tsv or excel" "the usage error names the formats"

expect_ok "export to a file" export people --all people-out.csv
[ -s people-out.csv ] && ok "the file was written" || nok "no file"
eq "$(ls -A | grep -c '^\.people-out')" "0" "no temporary file is left behind"
chmod 600 people-out.csv
expect_ok "export over an existing file" export people --all people-out.csv
eq "$(stat -c %a people-out.csv)" "600" "the replaced file keeps its permissions"
expect_fail "export into a missing directory" 7 export people no/such/dir/x.csv
has "$ERR" "no/such/dir/x.csv" "the failure names the file"
[ ! -e no/such/dir/x.csv ] && ok "nothing was written" || nok "a file appeared"

# Round trip: into a fresh database, and out again the same.
cp people-out.csv first.csv
MAIN_DB=$HOP_DB HOP_DB=$(other_db two)
expect_ok "init a second database" init --name "Test Admin"
expect_ok "import the export" import people --create-teams first.csv
has "$OUT" "unchanged 1 (teams created 4)" "all but the admin added"
expect_ok "export the second database" export people --all second.csv
eq "$(cmp first.csv second.csv && echo same)" "same" "the export survives import and export unchanged"
HOP_DB=$MAIN_DB

# ---- usage ----
expect_fail "import without a file" 2 import people
has "$ERR" "Try 'hop help import people'" "usage hint"
expect_fail "import of a missing file" 3 import people nosuch.csv
has "$ERR" "cannot open nosuch.csv" "the missing file is named"
expect_fail "unknown option" 2 import people --force x.csv
expect_fail "two files" 2 import people a.csv b.csv

# Into something that is not a regular file (a FIFO here; /dev/null or
# /dev/stdout alike): written through, never renamed over.
F=$SCRATCH/fifo
mkfifo "$F"
cat "$F" >"$SCRATCH/fifo.out" &
reader=$!
expect_ok "export into a FIFO" export people "$F"
# A regression would rename a file over the FIFO and leave the reader waiting.
if [ -p "$F" ]; then ok "the FIFO is still a FIFO"; wait "$reader"
else nok "the FIFO was replaced by a file"; kill "$reader" 2>/dev/null; fi
has "$SCRATCH/fifo.out" "login,name" "what was written arrived through the FIFO"
rm -f "$F"

finish
