/* Inside the output module (output.c, output_width.c): UTF-8 and the plan
 * that fits a table to a width. */
#ifndef HOP_CLI_OUTPUT_INT_H
#define HOP_CLI_OUTPUT_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* One UTF-8 character at s (of at most n bytes): its length and code point,
 * or length 1 and U+FFFD for a byte that starts no valid sequence. */
size_t out_utf8_next(const char *s, size_t n, uint32_t *cp);

/* One line of s in cols display columns, broken after a word where one
 * ends in time (else inside one): its length in bytes, and in *next where
 * the next line starts (the blanks between skipped). */
size_t out_wrap_len(const char *s, int cols, size_t *next);

/* Does fit describe n columns in the alphabet of out_table_new? */
bool out_fit_valid(const char *fit, size_t n);

/* The widths of a table's n columns at width display columns (0: no limit):
 * natural[j] is the widest cell or header of column j, empty[j] whether no
 * row has a value in it.  w[j] becomes the width to print, or -1 for a
 * column left out.  Returns how many columns with values were left out. */
size_t out_fit_plan(const char *fit, size_t n, const int *natural, const bool *empty,
                    int width, int *w);

#endif
