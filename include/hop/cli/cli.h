/* The command line: the command table, option helpers and output formats.
 * Only src/cli and src/main.c include this. */
#ifndef HOP_CLI_H
#define HOP_CLI_H

#include <getopt.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "hop/core/app.h"
#include "hop/base/date.h"
#include "hop/base/err.h"

struct cli_ctx {
	struct app_options opt;
	struct hop_app app;
	bool configured, opened;
};

typedef int (*cli_handler)(struct cli_ctx *ctx, int argc, char **argv);

struct cli_command {
	const char *name;      /* "person" */
	const char *sub;       /* "list", or NULL for a command without sub-commands */
	cli_handler fn;
	const char *args;      /* synopsis after "hop person list", untranslated (N_) */
	const char *summary;   /* one line (N_) */
	const char *help;      /* option descriptions, lines "  --team T   ..." (N_), may be NULL */
};

/* The table, from src/cli/commands.def (one line per command). */
extern const struct cli_command cli_commands[];
extern const size_t cli_command_count;

int cli_main(int argc, char **argv);

/* Print usage of one command (or all sub-commands of a name) to out. */
void cli_usage(FILE *out, const char *name, const char *sub);

/* Load the configuration (for commands that need no database). */
int cli_configure(struct cli_ctx *ctx);
/* Load the configuration and open the existing database; prints the error
 * and returns its exit status on failure, 0 on success. */
int cli_open(struct cli_ctx *ctx);

/* "hop: message" and the advice on stderr; returns the exit status for the
 * failure. */
int cli_fail(const struct hop_err *err);
/* How to go on after a refusal of this reason, with these facts, in hop's
 * commands ("; 'hop free 2026-11-24' shows what is free"), to append to
 * core's sentence; "" when the sentence says it all.  Returns buf, which
 * CLI_ADVICE_MAX bytes always suffice for. */
#define CLI_ADVICE_MAX 512
const char *cli_advice(enum hop_reason reason, const struct hop_facts *f, char *buf,
                       size_t size);
int cli_failf(enum hop_status st, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A usage error: message, then "Try 'hop help NAME'."; returns 2. */
int cli_usage_error(const char *name, const char *sub, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Parse a date argument (any form date_parse accepts); on failure prints the
 * error and returns false. */
bool cli_date(const char *text, hop_date *out);

/* Does argv (after argv[0]) ask for --help / -h? */
bool cli_wants_help(int argc, char **argv);

/* ---- output ---- */

/* OUT_EXCEL: CSV for German Excel, semicolons after a UTF-8 byte-order mark. */
enum out_format { OUT_TABLE, OUT_CSV, OUT_TSV, OUT_JSON, OUT_EXCEL };
/* "table", "csv", "tsv", "json", "excel"; false for anything else. */
bool out_format_parse(const char *text, enum out_format *f);
/* The argument of --format for command name sub: 0, or the usage error's
 * exit status (2) after naming the formats. */
int out_format_option(const char *name, const char *sub, const char *text, enum out_format *f);
/* A cell that may be empty: NULL for "", so JSON says null. */
const char *out_or_null(const char *s);
/* s as a JSON string, quoted and escaped (invalid UTF-8 becomes U+FFFD). */
void out_json_string(FILE *out, const char *s);
/* A date cell: ISO, or "" for HOP_DATE_NONE; buf holds HOP_DATE_ISO_LEN. */
char *out_date_cell(hop_date d, char *buf);

struct out_table;
/* headers are what a person reads (translated); keys are the stable JSON keys
 * and CSV/TSV header names (English, lower case).  fit says how each column
 * gives way when the table is wider than the terminal (out_width), one
 * character a column:
 *	K     kept whole and always shown: dates, logins, codes, numbers
 *	T     text always shown, cut with "…" last
 *	W     as T, but as the last column shown it wraps onto further lines
 *	      (between words) instead of being cut
 *	1..9  text cut with "…", and left out when even cut to two thirds it
 *	      would not fit; 1 gives way first
 *	a..i  kept whole, and left out like 1..9 (a with 1, b with 2, ...)
 * A column without values gives way before all others; the columns left out
 * are named on a last line.  CSV, TSV and JSON print every column whole. */
struct out_table *out_table_new(enum out_format f, size_t ncols, const char *const *headers,
                                const char *const *keys, const char *fit);
/* Cells are copied; NULL prints as empty (JSON null). */
void out_table_add(struct out_table *t, const char *const *cells);
void out_table_print(struct out_table *t, FILE *out);
void out_table_free(struct out_table *t);
/* The end of a listing: print t to out and free it, 0; for a table that could
 * not be made (NULL: out of memory, which out_table_add also takes), the exit
 * status after saying so. */
int out_table_done(struct out_table *t, FILE *out);
/* As out_table_done, but a table for people without rows is the line empty
 * instead ("No ... yet."); the machine formats keep their empty document. */
int out_table_done_or(struct out_table *t, FILE *out, const char *empty);

/* Display width of a UTF-8 string in terminal columns. */
int out_display_width(const char *s);
/* How many bytes of s fit in cols display columns (whole characters); their
 * width in *width unless NULL. */
size_t out_cut_len(const char *s, int cols, int *width);
/* s on one line in cols display columns: cut with "…" when wider, control
 * characters as blanks, padded with blanks to cols when pad. */
void out_put_cut(FILE *out, const char *s, int cols, bool pad);
/* The display columns a table printed to out may take: 0 for no limit
 * (--wide); else COLUMNS, or the terminal's width when out is one, or 80. */
int out_width(FILE *out);
/* Fix that width: 0 for no limit (--wide), -1 to ask again. */
void out_set_width(int cols);
/* Text for people on out, each of its lines broken between words to fit
 * out_width(out); a line ends in a newline whether text's last does or not. */
void out_para(FILE *out, const char *text);
/* One line of text that starts at display column col (what is left of it
 * printed already), broken between words to fit out_width(out), the lines
 * after the first indented to col. */
void out_hanging(FILE *out, const char *text, int col);
/* A label of a "Label:  value" listing, padded with blanks to width display
 * columns (so "Kapazität:" lines up with "Capacity:"); wider ones as they are. */
void out_label(FILE *out, const char *label, int width);

/* ---- people and teams named in arguments (src/cli/refs.c) ---- */

/* The person *text names, as core's person_find reads it (a login, a name or
 * the beginning of one): *text then points to their login, kept in login
 * (HOP_LOGIN_MAX + 1 bytes).  A NULL *text (oneself) stays NULL.  0, or the
 * exit status after saying why.  After cli_open. */
int cli_person(struct cli_ctx *ctx, const char **text, char *login);
/* The same for an operand, a->arg[i] as argv holds it: resolved in place. */
int cli_person_operand(struct cli_ctx *ctx, char **arg, char *login);
/* As cli_person, but a login that names no one stays as it is (the audit
 * log keeps the logins of records since renamed or anonymised). */
int cli_person_or_login(struct cli_ctx *ctx, const char **text, char *login);
/* The team *text names, as core's team_find reads it: *text then points to
 * its slug, kept in slug (HOP_SLUG_MAX + 1 bytes).  NULL stays NULL. */
int cli_team(struct cli_ctx *ctx, const char **text, char *slug);

/* ---- a handler's arguments (src/cli/args.c) ---- */

/* A bad option ('?' from getopt_long, or ':' for a missing value) as a usage
 * error: names the option, prints "Try 'hop help NAME SUB'." and returns 2. */
int cli_bad_option(const char *name, const char *sub, char **argv, int c);

/* One command's options and operands.  The handler names the command and its
 * option table, and where --format goes if it has one (the long option named
 * "format"); cli_option does the rest, and takes --wide (out_set_width) for
 * every command with --format or a table:
 *
 *	struct cli_args a = { .name = "team", .sub = "list", .opts = opts, .format = &fmt };
 *	while ((c = cli_option(&a, argc, argv)) > 0)
 *		switch (c) { case 'a': all = true; break; }
 *	if ((rc = cli_operands(&a, 0, 0, NULL)))
 *		return rc;
 *	... a.arg[0] .. a.arg[a.n - 1] are the operands */
struct cli_args {
	const char *name, *sub;       /* the command, for messages: "team", "list" */
	const struct option *opts;    /* getopt_long's table, ending in a zero entry */
	const char *shortopts;        /* after the leading ':'; NULL: long options only */
	enum out_format *format;      /* where --format goes; NULL: the command has none */
	bool table;                   /* prints a table without --format: takes --wide */
	int rc;                       /* 0, or the exit status after a usage error */
	char **arg;                   /* the operands, once the options have ended */
	int n;
	bool checked;                 /* the long options were checked for exact names */
};

/* The candidate word most likely meant by word (a typo: within an edit
 * distance of one or two; else, with prefix, the only candidate word
 * begins), or NULL. */
const char *cli_nearest(const char *word, const char *const *cands, size_t n, bool prefix);

/* The next of the command's own options (getopt_long's value, optarg set);
 * 0 when the options have ended (the operands are then in a->arg, a->n), or
 * -1 after a usage error (a bad option, an unknown format), a->rc its status. */
int cli_option(struct cli_args *a, int argc, char **argv);
/* After the options: a->rc if they failed; else 0 when from min to max
 * operands are left (max < 0: any number), or the usage error's status:
 * missing (translated) for too few, "unexpected argument" naming the first
 * one too many. */
int cli_operands(struct cli_args *a, int min, int max, const char *missing);
/* An option's whole number from min to max (as strtol reads it: leading
 * blanks and a sign pass) into *out; false for anything else, and the caller
 * says what it wants. */
bool cli_int(const char *text, int min, int max, int *out);

/* The FILE operand of 'hop import SUB [options] FILE', the one left after
 * the options ("-" is standard input), opened after cli_open: *in to read,
 * *name for messages.  missing (translated) says what to give when there is
 * none.  Returns 0, or the exit status after saying why. */
int cli_import_open(struct cli_ctx *ctx, struct cli_args *a, const char *missing, FILE **in,
                    const char **name);
/* After the import of in: close it (unless it is stdin); on failure print
 * every problem of the file (messages, may be NULL), then err.  Returns 0
 * or the exit status. */
int cli_import_close(FILE *in, enum hop_status st, const char *messages,
                     const struct hop_err *err);

/* After a successful import: say so when the file was read as Windows-1252
 * (rep is a struct import_report). */
struct import_report;
void cli_import_encoding(const struct import_report *rep);

/* An export's output file (src/cli/outfile.c): a regular or new file is
 * written beside itself and renamed into place on commit; a device, FIFO or
 * /dev/stdout is written directly.  abort drops what was written. */
struct cli_outfile {
	FILE *fp;
	char path[HOP_PATH_MAX];
	char tmp[HOP_PATH_MAX + 16];   /* "" when writing directly */
};
enum hop_status cli_outfile_open(struct cli_outfile *o, const char *path, struct hop_err *err);
enum hop_status cli_outfile_commit(struct cli_outfile *o, struct hop_err *err);
void cli_outfile_abort(struct cli_outfile *o);

/* A CSV export (hop export people|templates) in one of the forms of
 * [export] format: CFG_EXPORT_CSV, _TSV or _EXCEL (semicolons after a UTF-8
 * byte-order mark, for German Excel).  parse reads --format's word (csv, tsv,
 * excel); false for anything else. */
bool cli_export_form_parse(const char *text, int *form);
/* Write one export to path (NULL or "-": standard output; else through
 * cli_outfile), in form, or when form < 0 in the configured one: fn writes the
 * rows with the separator it is given; arg is fn's.  Returns the exit status
 * after saying why it failed. */
typedef enum hop_status (*cli_export_fn)(struct hop_app *app, FILE *out, char sep,
                                         const void *arg, struct hop_err *err);
int cli_export_run(struct cli_ctx *ctx, const char *path, int form, cli_export_fn fn,
                   const void *arg);

#endif
