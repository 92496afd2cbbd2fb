# Turn db/<database>/NNNN_name.sql files into a C table of migrations (one
# string each).  The numeric prefix is the schema version the file brings the
# database to.  -v prefix=hop_migration (SQLite, the default) or
# -v prefix=hop_pg_migration (PostgreSQL) names the table and its functions.
BEGIN { n = 0; if (prefix == "") prefix = "hop_migration"
        print "/* generated from the db/ migrations by src/db/embed.awk: do not edit */"
        print "#include \"hop/db/migrations.h\""; print "static const char *const sql_text[] = {" }
FNR == 1 {
	if (n > 0) print "\","
	n++
	f = FILENAME; sub(/.*\//, "", f); names[n] = f
	v = f; sub(/_.*/, "", v); vers[n] = v + 0
	printf "\""
}
{
	gsub(/\\/, "\\\\"); gsub(/"/, "\\\"")
	printf "%s\\n\"\n\"", $0
}
END {
	if (n > 0) print "\""
	print "};"
	print "const struct hop_migration " prefix "s[] = {"
	for (i = 1; i <= n; i++) printf "\t{ %d, \"%s\" },\n", vers[i], names[i]
	print "};"
	printf "const int %s_count = %d;\n", prefix, n
	print "const char *" prefix "_sql(int i) { return sql_text[i]; }"
}
