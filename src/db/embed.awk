# Turn db/NNNN_name.sql files into a C table of migrations (one string each).
# The numeric prefix is the schema version the file brings the database to.
# -v prefix=hop_pg_ names the PostgreSQL table (hop_pg_migrations, ...); run
# with no files (< /dev/null), it makes an empty table.
BEGIN { n = 0; if (prefix == "") prefix = "hop_"
        print "/* generated from the db/ migrations by src/db/embed.awk: do not edit */"
        print "#include \"hop/db/migrations.h\""; print "static const char *const sql_text[] = {" }
FNR == 1 && FILENAME != "" && FILENAME != "-" {
	if (n > 0) print "\","
	n++
	f = FILENAME; sub(/.*\//, "", f); names[n] = f
	v = f; sub(/_.*/, "", v); vers[n] = v + 0
	printf "\""
}
n > 0 {
	gsub(/\\/, "\\\\"); gsub(/"/, "\\\"")
	printf "%s\\n\"\n\"", $0
}
END {
	if (n > 0) print "\""
	else print "\t0"
	print "};"
	printf "const struct hop_migration %smigrations[] = {\n", prefix
	for (i = 1; i <= n; i++) printf "\t{ %d, \"%s\" },\n", vers[i], names[i]
	if (n == 0) print "\t{ 0, 0 },"
	print "};"
	printf "const int %smigration_count = %d;\n", prefix, n
	printf "const char *%smigration_sql(int i) { return sql_text[i]; }\n", prefix
}
