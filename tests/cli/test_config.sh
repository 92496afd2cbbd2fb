# The configuration: 'hop config check', 'hop config path', and that every
# command refuses a bad file, naming file, line and key.
. "$(dirname "$0")/lib.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)

# A database, so that a refusal can only come from the configuration.
expect_ok "init a database" init --name "Test Person"
sql "SELECT * FROM person ORDER BY 1;" >"$SCRATCH/before"

# --- a valid file ---
expect_ok "the sample configuration is valid" config check "$ROOT/sample-config/hop.ini"
has "$OUT" "sample-config/hop.ini is valid" "check names the file"
has "$OUT" "max_home_days = 3" "check shows the effective settings"
has "$OUT" "[organisation]" "check shows the sections"

cat >"$SCRATCH/good.ini" <<'EOF'
[organisation]
name = "Landesamt für Straßenbau; Nord"   ; quoted because of the ';'
region = th
[policy]
booking_horizon_days = 08
EOF
expect_ok "a valid file passes" config check "$SCRATCH/good.ini"
has "$OUT" 'name = "Landesamt für Straßenbau; Nord"' "umlauts and quotes kept"
has "$OUT" "region = TH" "region stored in upper case"
has "$OUT" "booking_horizon_days = 8" "08 is read as 8"
has "$OUT" "max_home_days = 3" "keys not in the file keep their defaults"

# What check prints is itself a configuration that loads to the same settings.
sed 1d "$OUT" >"$SCRATCH/printed.ini"
cp "$OUT" "$SCRATCH/first"
expect_ok "the printed settings load again" config check "$SCRATCH/printed.ini"
sed 1d "$OUT" >"$SCRATCH/second"
if cmp -s "$SCRATCH/printed.ini" "$SCRATCH/second"; then ok "printed settings round-trip"
else nok "printed settings round-trip: $(diff "$SCRATCH/printed.ini" "$SCRATCH/second" | head -5)"; fi

# --- a typo in a key ---
cat >"$SCRATCH/typo.ini" <<'EOF'
[policy]
# the office agreement
max_home_day = 2
EOF
expect_fail "config check refuses a typo in a key" 1 config check "$SCRATCH/typo.ini"
has "$ERR" "$SCRATCH/typo.ini:3: [policy] max_home_day: unknown key; did you mean max_home_days?" \
	"typo: file, line, key and a suggestion"
eq "$(wc -c <"$OUT")" 0 "nothing on stdout for a refused file"
expect_fail "person list refuses a typo in a key" 1 --config "$SCRATCH/typo.ini" person list
has "$ERR" "$SCRATCH/typo.ini:3: [policy] max_home_day: unknown key" "person list names file, line, key"
eq "$(wc -c <"$OUT")" 0 "person list prints no people"

# --- a bad number ---
cat >"$SCRATCH/number.ini" <<'EOF'
[organisation]
name = Amt

[policy]
max_home_days = 9   ; more than a week has
EOF
expect_fail "config check refuses a number out of range" 1 config check "$SCRATCH/number.ini"
has "$ERR" "$SCRATCH/number.ini:5: [policy] max_home_days: 9 is out of range; use 0 to 5" \
	"bad number: file, line, key and the range"
expect_fail "person add refuses a bad number" 1 --config "$SCRATCH/number.ini" \
	person add jweiss --name "Jürgen Weiß"
has "$ERR" "number.ini:5: [policy] max_home_days" "person add names file, line, key"
sql "SELECT * FROM person ORDER BY 1;" >"$SCRATCH/after"
if cmp -s "$SCRATCH/before" "$SCRATCH/after"; then ok "the database is unchanged"
else nok "the database changed despite a bad configuration"; fi

# The same through $HOP_CONFIG, and for the full-screen interface, which must
# fail on the configuration before it asks for a terminal.
export HOP_CONFIG="$SCRATCH/number.ini"
expect_fail "a bad \$HOP_CONFIG stops person list" 1 person list
unset HOP_CONFIG
has "$ERR" "number.ini:5: [policy] max_home_days: 9 is out of range" "\$HOP_CONFIG file named"
expect_fail "the TUI refuses a bad configuration" 1 --config "$SCRATCH/typo.ini"
has "$ERR" "typo.ini:3: [policy] max_home_day" "the TUI names file, line, key"
hasnt "$ERR" "terminal" "the configuration error comes before the terminal check"

# All errors at once, one per line.
printf '[policy]\nmax_home_days = x\nmin_office_days = 6\n[frob]\n' >"$SCRATCH/many.ini"
expect_fail "several errors" 1 config check "$SCRATCH/many.ini"
has "$ERR" "many.ini:2: [policy] max_home_days: 'x' is not a whole number" "first error"
has "$ERR" "many.ini:3: [policy] min_office_days: 6 is out of range; use 0 to 5" "second error"
has "$ERR" "many.ini:4: unknown section [frob]" "third error"

# --- where the file comes from ---
export HOP_CONFIG="$SCRATCH/missing.ini"
expect_fail "\$HOP_CONFIG naming a missing file" 3 person list
unset HOP_CONFIG
has "$ERR" "$SCRATCH/missing.ini named by \$HOP_CONFIG does not exist" "missing \$HOP_CONFIG file named"
expect_fail "--config naming a missing file" 3 --config "$SCRATCH/missing.ini" config check
has "$ERR" "$SCRATCH/missing.ini given with --config does not exist" "missing --config file named"
expect_fail "--config naming a directory" 1 --config "$SCRATCH" config check
has "$ERR" "is a directory" "a directory is refused"
expect_fail "config check of a missing file" 3 config check "$SCRATCH/missing.ini"
has "$ERR" "cannot open the configuration file $SCRATCH/missing.ini" "missing FILE named"

expect_ok "no configuration: built-in defaults" config check
has "$OUT" "built-in defaults" "check says no file was found"

mkdir -p "$XDG_CONFIG_HOME/hop"
printf '[organisation]\nname = Aus XDG\n' >"$XDG_CONFIG_HOME/hop/hop.ini"
expect_ok "the XDG file is found" config check
has "$OUT" "$XDG_CONFIG_HOME/hop/hop.ini (from \$XDG_CONFIG_HOME) is valid" "check names the XDG file"
has "$OUT" "name = Aus XDG" "the XDG file's values are used"
export HOP_CONFIG="$SCRATCH/good.ini"
expect_ok "\$HOP_CONFIG comes before XDG" config check
has "$OUT" "good.ini (from \$HOP_CONFIG) is valid" "\$HOP_CONFIG wins"
expect_fail "--config comes before \$HOP_CONFIG" 1 --config "$SCRATCH/number.ini" config check
has "$ERR" "number.ini:5" "--config wins"
expect_ok "an explicit FILE is what config check checks" \
	--config "$SCRATCH/number.ini" config check "$ROOT/sample-config/hop.ini"
has "$OUT" "name = hop" "the FILE's settings are shown"
unset HOP_CONFIG
printf '[policy]\nmax_home_days = 7\n' >"$XDG_CONFIG_HOME/hop/hop.ini"
expect_fail "a bad XDG file stops hop" 1 person list
has "$ERR" "$XDG_CONFIG_HOME/hop/hop.ini:2: [policy] max_home_days: 7 is out of range" "XDG file named"

env HOME="$SCRATCH/home" XDG_CONFIG_HOME=relative "$HOP" config path >"$OUT" 2>"$ERR"
eq "$?" 0 "config path with a relative XDG_CONFIG_HOME"
has "$OUT" "$SCRATCH/home/.config/hop/hop.ini  (not found)" "a relative XDG_CONFIG_HOME is ignored"
rm "$XDG_CONFIG_HOME/hop/hop.ini"

# --- config path ---
export HOP_CONFIG="$SCRATCH/good.ini"
expect_ok "config path" config path
has "$OUT" "\$HOP_CONFIG" "config path lists \$HOP_CONFIG"
has "$OUT" "$SCRATCH/good.ini  (found)" "config path marks the file found"
has "$OUT" "$XDG_CONFIG_HOME/hop/hop.ini  (not found)" "config path lists the XDG file"
has "$OUT" "Configuration in use: $SCRATCH/good.ini" "config path says which is used"
has "$OUT" "Database: $DB_SHOWN (from \$HOP_DB)" "config path shows the database"
unset HOP_CONFIG
printf '[database]\npath = ~/x/hop.db\n' >"$SCRATCH/db.ini"
env -u HOP_DB HOME="$SCRATCH/h" "$HOP" --config "$SCRATCH/db.ini" config path >"$OUT" 2>"$ERR"
eq "$?" 0 "config path with [database] path"
has "$OUT" "Database: $SCRATCH/h/x/hop.db (from [database] path in $SCRATCH/db.ini)" "~/ in path expanded"
has "$OUT" "does not exist yet" "a missing database is pointed out"
env -u HOP_DB XDG_DATA_HOME="$SCRATCH/data" "$HOP" config path >"$OUT" 2>"$ERR"
has "$OUT" "Database: $SCRATCH/data/hop/hop.db (the default location)" "config path: the default database"
expect_fail "config path takes no arguments" 2 config path extra
expect_fail "config check takes one FILE" 2 config check a b
expect_fail "config check has no options" 2 config check --frob
has "$ERR" "unknown option '--frob'" "unknown option named"

finish
