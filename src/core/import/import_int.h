/* What the CSV importers (people, desks) share: one import from the first
 * check to the commit (all rows or none), the header and the rows, every
 * problem of every row as "file:line: what", a key the file repeats, and the
 * words of a refused or failed import.  Each importer keeps only what is its
 * own: its columns, its checks of a row, its second pass.  Private to
 * src/core. */
#ifndef HOP_IMPORT_INT_H
#define HOP_IMPORT_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "hop/base/err.h"
#include "hop/core/import/import.h"

struct hop_app;

/* What every importer's row starts with (as its member b), so that the shared
 * code can report, sort and count rows it otherwise does not know. */
struct import_row {
	long line;                  /* where the record starts in the file */
	bool exists;                /* the key is in the database: an edit */
	char *msg;                  /* problems, "file:line: ...\n" each; NULL if none */
};

/* What every importer's state starts with (as its member b): the file and its
 * rows, which the shared code reads, keeps and frees for the importer. */
struct import_base {
	struct hop_app *app;
	const char *name;           /* the file in messages */
	size_t ncols;               /* fields of the header, and so of every row */
	void *rows;                 /* the rows read, in file order: elem bytes each, malloc'd */
	size_t nrows, cap;
	bool reader_failed;         /* the CSV reader stopped after some rows */
	bool oom;                   /* a problem could not be recorded */
	/* What a refused file's report carries for the front end's advice: the
	 * first row problem that has a remedy (import_advise). */
	enum hop_reason reason;
	struct hop_facts facts;
};

/* A word a header may use and the column (the importer's enum) it names. */
struct import_column {
	const char *name;
	int col;
};

/* An importer's columns, so that one loop reads both importers' headers. */
struct import_columns {
	const struct import_column *words;  /* every word a header may use */
	size_t nwords;
	int count;                  /* how many columns: pos and word have this many */
	const char *const *canonical; /* each column's own name, for messages */
	bool (*same)(const char *typed, const char *word); /* the cell typed is the word */
	const char *no_name;        /* translated format, file, line (long), column (size_t) */
	const char *unknown;        /* translated format, file, line (long), cell: no such word */
	/* The columns every row needs, and the refusal when the header lacks one:
	 * translated format, file, line (long), the column's canonical name.
	 * nrequired 0: the importer checks for itself. */
	const int *required;
	size_t nrequired;
	const char *missing;
};

/* Header words compared as people type them: case, umlauts and "ae"/"ä"
 * do not matter ("Kapazitaet" is "kapazität"). */
bool import_word_is(const char *typed, const char *known);

/* What an importer tells import_run about its file, its rows and its writes.
 * Every function gets the importer's own state, whose member b (first) is the
 * import_base import_run was given; a row starts with its import_row. */
struct import_format {
	size_t elem;                /* bytes of one row */
	int max;                    /* a file with more rows is refused */
	const char *empty;          /* translated format, the file's name: an empty file */
	const char *too_many;       /* translated format, file, line (long), max: too many rows */
	const char *twice;          /* translated format, key, line (long): a key already there */
	/* May the acting user import at all? */
	enum hop_status (*allowed)(const struct hop_app *app, struct hop_err *err);
	/* The first record names the columns: fail (the file is refused) or
	 * remember where each column is (import_header). */
	enum hop_status (*header)(void *im, char **f, size_t n, long line, struct hop_err *err);
	/* Check one record into row (zeroed but for its line): problems stay in
	 * the row; only a failure that stops the import (the database) is
	 * returned. */
	enum hop_status (*row)(void *im, void *row, char **f, size_t n, struct hop_err *err);
	/* What the database says about every row, once every row is read
	 * (problems go to the rows; only a failing database fails).  Given, the
	 * rows are read and checked without the write lock, and this runs again
	 * under it when another connection changed the data in between; NULL:
	 * the row function looks at the database itself, and the whole first
	 * pass holds the write lock from its start. */
	enum hop_status (*resolve)(void *im, struct hop_err *err);
	/* Checks across rows once every row is read and resolved, before the
	 * duplicates (NULL: none).  Reads only the rows, never the database. */
	void (*across)(void *im);
	/* The key no two rows may share ("" when the row has no valid one), and
	 * how two keys compare (strcmp, strcasecmp). */
	const char *(*key)(const void *row);
	int (*key_cmp)(const char *a, const char *b);
	/* Does an existing row change anything (updated rather than unchanged)? */
	bool (*changed)(const void *row);
	/* With resolve: prepare the writing of every row, without the write
	 * lock once every row is checked, and again under it after resolve ran
	 * again (NULL: nothing to prepare). */
	enum hop_status (*stage)(void *im, struct hop_err *err);
	/* The second pass, inside the import's transaction: write every row and
	 * the audit record; rep has the counts. */
	enum hop_status (*write)(void *im, const struct import_report *rep, struct hop_err *err);
};

/* Import the CSV file in (b->name in messages) as fmt says, all rows or none:
 * read and check every row (without the write lock when fmt->resolve is
 * given, else inside the write transaction), then refuse a file with any
 * problem, every problem in rep->messages, or count the rows into rep and
 * (no dry run) write them and commit, in one transaction.  A failure leaves
 * nothing behind and says so.  The rows are freed; what else the
 * importer's state holds is its own to free.  The one run both importers
 * share, so that they check, refuse, count and write alike. */
enum hop_status import_run(struct import_base *b, FILE *in, const struct import_format *fmt,
                           bool dry_run, struct import_report *rep, struct hop_err *err);

/* Where each column of cols is in the header f (n cells at line, trimmed in
 * place): pos[c] is its field index, -1 if absent; word[c] (when word is not
 * NULL) the word of cols that named it.  An empty, unknown or repeated column
 * fails: the file is refused.  Sets b->ncols.  The importers' one header
 * loop; each then checks its own required columns. */
enum hop_status import_header(struct import_base *b, const struct import_columns *cols,
                              char **f, size_t n, long line, int *pos, const char **word,
                              struct hop_err *err);

/* The cells of record f (n fields, trimmed in place) for row r: cell[c] is
 * column c's (count columns at pos), absent where the header has no such
 * column.  False, and a problem noted, when the record does not have as many
 * fields as the header.  How both importers begin to check a row. */
bool import_cells(struct import_base *b, struct import_row *r, char **f, size_t n,
                  const int *pos, int count, const char *absent, const char **cell);

/* Note one problem of row r: "people.csv:12: what".  When memory runs out
 * the problem is lost and b->oom set (import_run then fails).  Every problem
 * of every importer is noted so. */
void import_problem(struct import_base *b, struct import_row *r, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* A row problem has a remedy a front end can advise on (as reason says; e.g.
 * from a core refusal's err): a refused file's report carries the first. */
void import_advise(struct import_base *b, enum hop_reason reason, const struct hop_facts *facts);

/* import_problem for an importer's state im and row r, each with its
 * import_base or import_row as the member b: what the importers write. */
#define row_problem(im, r, ...) import_problem(&(im)->b, &(r)->b, __VA_ARGS__)

#endif
