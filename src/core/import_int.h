/* What the CSV importers (people, desks) share: trimming cells, collecting
 * every problem of every row as "file:line: what", and the words of a refused
 * or failed import.  Private to src/core. */
#ifndef HOP_IMPORT_INT_H
#define HOP_IMPORT_INT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include "hop/csv.h"
#include "hop/err.h"
#include "hop/import.h"

/* What an importer tells import_read about its file and its rows. */
struct import_format {
	size_t elem;                /* bytes of one row */
	int max;                    /* a file with more rows is refused */
	const char *empty;          /* translated format, the file's name: an empty file */
	const char *too_many;       /* translated format, file, line (long), max: too many rows */
	/* The first record names the columns: fail (the file is refused) or
	 * remember where each column is. */
	enum hop_status (*header)(void *im, char **f, size_t n, long line, struct hop_err *err);
	/* Check one record into row (zeroed): problems stay in the row; only a
	 * failure that stops the import (the database) is returned. */
	enum hop_status (*row)(void *im, void *row, long line, char **f, size_t n,
	                       struct hop_err *err);
};

/* The rows import_read read, in file order: elem bytes each, malloc'd. */
struct import_rows {
	void *v;
	size_t n, cap;
	bool reader_failed;         /* the CSV reader stopped after some rows */
};

/* Read the header and every row of csv (name is the file in messages) into
 * rows, handing each to fmt with im.  A reader error after some rows goes to
 * rep as one more bad row (reader_failed); before any row it fails.  On
 * failure too, rows holds what was read, for the caller to free. */
enum hop_status import_read(struct csv_reader *csv, const char *name,
                            const struct import_format *fmt, void *im,
                            struct import_rows *rows, struct import_report *rep,
                            struct hop_err *err);

/* Blanks and tabs off both ends, in place. */
void import_trim(char *s);

/* Append "file:line: what\n" to *msg (malloc'd, NULL at first).  False when
 * memory ran out (the problem is then lost: the caller must fail). */
bool import_vnote(char **msg, const char *file, long line, const char *fmt, va_list ap)
	__attribute__((format(printf, 4, 0)));

/* Rows are structs of size stride with a char * at msg_offset: join every
 * row's problems, in row order, into rep->messages (followed by what the
 * messages already held: a reader error belongs after the rows it stopped at)
 * and count the rows with problems in rep->errors. */
enum hop_status import_gather(struct import_report *rep, const void *rows, size_t n,
                              size_t stride, size_t msg_offset, struct hop_err *err);

/* Record a reader error (err->msg) in the report as one more bad row. */
enum hop_status import_reader_error(struct import_report *rep, struct hop_err *err);

/* "people.csv: 2 of 10 rows have errors; nothing was imported" (HOP_EINVAL). */
enum hop_status import_refuse(struct hop_err *err, const char *name, int errors, int total);

/* A failure after the checks still leaves nothing behind: make the message
 * say so (once). */
void import_nothing_imported(struct hop_err *err, enum hop_status st);

#endif
