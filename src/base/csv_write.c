/* Writing CSV and TSV that spreadsheet programs read back unchanged, and
 * that they show rather than run: a cell that would be a formula gets a quote
 * in front (the reader in csv.c takes it off again). */
#include <stdbool.h>
#include <string.h>

#include "hop/base/csv.h"

static bool needs_quotes(const char *s, char sep)
{
	size_t n = strlen(s);

	if (n > 0 && (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' || s[n - 1] == '\t'))
		return true;
	for (; *s; s++)
		if (*s == sep || *s == '"' || *s == '\r' || *s == '\n')
			return true;
	return false;
}

/* A number as hop writes one (-2, 3.5, -0,25): a spreadsheet reads it as a
 * number, never as a formula, so it stays as it is and stays a number. */
static bool plain_number(const char *s)
{
	const char *p = s + (*s == '-' || *s == '+');
	bool digits = false;

	while (*p >= '0' && *p <= '9')
		p++, digits = true;
	if (digits && (*p == '.' || *p == ',') && p[1] >= '0' && p[1] <= '9')
		for (p++; *p >= '0' && *p <= '9'; p++)
			;
	return digits && *p == '\0';
}

/* Does the cell need a quote in front so that a spreadsheet shows it as text
 * instead of running it as a formula?  Text beginning with = + - @ tab or
 * CR does (OWASP's rule against CSV injection: "=HYPERLINK(...)",
 * "@SUM(1+1)", "-2+3"), and so, to keep the reader's undoing exact, does
 * text that already begins with quotes before one of them.  In TSV a tab or
 * line break becomes a blank, which is harmless. */
static bool formula_like(const char *s, char sep)
{
	size_t q = strspn(s, "'");
	char c = s[q];

	if (c == '\0' || !strchr(CSV_FORMULA_START, c))
		return false;
	if (sep == '\t' && (c == '\t' || c == '\r' || c == '\n'))
		return false;
	return q > 0 || !plain_number(s);
}

void csv_write_bom(FILE *out)
{
	fputs("\xEF\xBB\xBF", out);
}

void csv_write_record(FILE *out, char sep, const char *const *fields, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const char *s = fields[i] ? fields[i] : "";
		bool guard = formula_like(s, sep);

		if (i > 0)
			putc(sep, out);
		if (guard && (sep == '\t' || !needs_quotes(s, sep)))
			putc('\'', out);
		if (sep == '\t') {
			/* TSV has no quoting: a tab or line break would split the record. */
			for (; *s; s++)
				putc(*s == '\t' || *s == '\r' || *s == '\n' ? ' ' : *s, out);
		} else if (needs_quotes(s, sep)) {
			putc('"', out);
			if (guard)
				putc('\'', out);
			for (; *s; s++) {
				if (*s == '"')
					putc('"', out);
				putc(*s, out);
			}
			putc('"', out);
		} else {
			fputs(s, out);
		}
	}
	fputs(sep == '\t' ? "\n" : "\r\n", out);
}
