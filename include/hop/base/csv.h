/* CSV as spreadsheet programs write it: comma or semicolon (detected from the
 * header line), optional UTF-8 byte-order mark, UTF-8 or Windows-1252 (what
 * German Excel writes by default), quoted fields with "" escapes and line
 * breaks inside quotes, LF or CRLF.  And a writer that quotes what needs
 * quoting and keeps spreadsheets from running a cell as a formula. */
#ifndef HOP_CSV_H
#define HOP_CSV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "hop/base/err.h"

#define CSV_FIELD_MAX (64 * 1024)   /* longer fields are an error, not a truncation */
#define CSV_FIELDS_MAX 64
/* What makes a spreadsheet read a cell as a formula (OWASP, "CSV Injection"),
 * and LF: the reader turns a CR inside quotes into LF, and must still find the
 * quote the writer put before it. */
#define CSV_FORMULA_START "=+-@\t\r\n"

struct csv_reader;

/* name is used in messages ("people.csv:12: ..."). */
struct csv_reader *csv_open(FILE *in, const char *name);
void csv_close(struct csv_reader *r);

/* Read the next record.  Returns 1 with a record, 0 at end of file, -1 on an
 * error (err says "name:line: what").  fields point into the reader and stay
 * valid until the next call; *line is the line the record starts on.  Blank
 * lines are skipped.  Fields are UTF-8: a file without a byte-order mark
 * whose first non-ASCII field is not UTF-8 is read as Windows-1252 and
 * converted; a file that mixes the two is an error.  A field that
 * csv_write_record guarded against formulas ("'=...") loses that quote. */
int csv_next(struct csv_reader *r, char ***fields, size_t *nfields, long *line,
             struct hop_err *err);

/* The separator found in the first record (',' or ';'). */
char csv_separator(const struct csv_reader *r);

/* What the fields read so far were: ASCII only (either), UTF-8, or
 * Windows-1252 converted to UTF-8. */
enum csv_encoding { CSV_ASCII, CSV_UTF8, CSV_CP1252 };
enum csv_encoding csv_encoding(const struct csv_reader *r);

/* Write one record; sep is ',' ';' or '\t' (TSV: tabs and newlines in fields
 * become spaces).  Line end "\r\n" for CSV as RFC 4180 asks, "\n" for TSV.
 * A text cell beginning with = + - @ tab or CR gets a quote (') in front, so
 * that a spreadsheet shows it rather than running it as a formula (OWASP);
 * plain numbers such as -2 or -0,5 are left as they are. */
void csv_write_record(FILE *out, char sep, const char *const *fields, size_t n);

/* The UTF-8 byte-order mark, first in a file meant for Excel: without it
 * Excel reads UTF-8 as Windows-1252 ("JÃ¼rgen"). */
void csv_write_bom(FILE *out);

#endif
