/* Importing and exporting people as CSV.  An import validates every row first
 * and then writes all rows in one transaction, or none: a file with one bad row
 * leaves the database exactly as it was, and every bad row is reported. */
#ifndef HOP_IMPORT_H
#define HOP_IMPORT_H

#include <stdbool.h>
#include <stdio.h>
#include "hop/base/err.h"

struct hop_app;

struct import_options {
	bool dry_run;        /* validate and report, write nothing */
	bool create_teams;   /* unknown team names create teams instead of failing */
};

struct import_report {
	int added, updated, unchanged, teams_created;
	int errors;          /* rows refused */
	/* Every problem, one per line: "people.csv:12: start date '31.02.2026' ..." */
	char *messages;      /* owned, NULL if none */
	bool cp1252;         /* the file was Windows-1252, read converted to UTF-8 */
};
void import_report_free(struct import_report *r);

/* Columns by header name (English or German, any order):
 *   login|kennung (required), name (required), email|e-mail, team,
 *   roles|rollen, start_date|start|eintritt, end_date|end|austritt.
 * Existing logins are updated with the columns the file has. */
enum hop_status import_people(struct hop_app *app, FILE *in, const char *name,
                              const struct import_options *opt, struct import_report *rep,
                              struct hop_err *err);

/* The same columns; sep ',' ';' or '\t'.  include_former adds people who left. */
enum hop_status export_people(struct hop_app *app, FILE *out, char sep, bool include_former,
                              struct hop_err *err);

#endif
