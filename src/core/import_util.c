/* Pieces the CSV importers share (see import_int.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/i18n.h"
#include "hop/vec.h"
#include "import_int.h"

enum hop_status import_read(struct csv_reader *csv, const char *name,
                            const struct import_format *fmt, void *im,
                            struct import_rows *rows, struct import_report *rep,
                            struct hop_err *err)
{
	char **f;
	size_t n;
	long line;
	int rc;
	enum hop_status st;

	rc = csv_next(csv, &f, &n, &line, err);
	if (rc < 0)
		return err->status;
	if (rc == 0)
		return hop_fail(err, HOP_EINVAL, fmt->empty, name);
	if (fmt->header(im, f, n, line, err) != HOP_OK)
		return err->status;

	while ((rc = csv_next(csv, &f, &n, &line, err)) == 1) {
		void *r;

		if (rows->n == (size_t)fmt->max)
			return hop_fail(err, HOP_EINVAL, fmt->too_many, name, line, fmt->max);
		if (!vec_grow(&rows->v, &rows->cap, rows->n + 1, fmt->elem))
			return hop_fail(err, HOP_ENOMEM, _("out of memory"));
		r = (char *)rows->v + rows->n++ * fmt->elem;
		memset(r, 0, fmt->elem);
		if ((st = fmt->row(im, r, line, f, n, err)) != HOP_OK)
			return st;
	}
	if (rc < 0) {
		/* The reader cannot go on: report what it found with the rows. */
		if (rows->n == 0)
			return err->status;
		if (import_reader_error(rep, err) != HOP_OK)
			return err->status;
		rows->reader_failed = true;
	}
	return HOP_OK;
}

void import_trim(char *s)
{
	size_t n = strlen(s), i = 0;

	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	s[n] = '\0';
	while (s[i] == ' ' || s[i] == '\t')
		i++;
	if (i)
		memmove(s, s + i, n - i + 1);
}

bool import_vnote(char **msg, const char *file, long line, const char *fmt, va_list ap)
{
	char what[HOP_ERR_MSG_MAX], text[HOP_ERR_MSG_MAX + 300];
	size_t old = *msg ? strlen(*msg) : 0;
	int n;
	char *p;

	vsnprintf(what, sizeof what, fmt, ap);
	n = snprintf(text, sizeof text, "%s:%ld: %s\n", file, line, what);
	if (n < 0 || (size_t)n >= sizeof text)
		n = (int)strlen(text);
	p = realloc(*msg, old + (size_t)n + 1);
	if (!p)
		return false;
	memcpy(p + old, text, (size_t)n + 1);
	*msg = p;
	return true;
}

static char *msg_at(const void *rows, size_t i, size_t stride, size_t msg_offset)
{
	char *m;

	memcpy(&m, (const char *)rows + i * stride + msg_offset, sizeof m);
	return m;
}

enum hop_status import_gather(struct import_report *rep, const void *rows, size_t n,
                              size_t stride, size_t msg_offset, struct hop_err *err)
{
	size_t len = 0, tail, k;
	char *s, *m;

	for (size_t i = 0; i < n; i++)
		if ((m = msg_at(rows, i, stride, msg_offset))) {
			len += strlen(m);
			rep->errors++;
		}
	if (len == 0)
		return HOP_OK;
	tail = rep->messages ? strlen(rep->messages) : 0;
	s = malloc(len + tail + 1);
	if (!s)
		return hop_fail(err, HOP_ENOMEM, _("out of memory"));
	len = 0;
	for (size_t i = 0; i < n; i++)
		if ((m = msg_at(rows, i, stride, msg_offset))) {
			k = strlen(m);
			memcpy(s + len, m, k);
			len += k;
		}
	if (tail)
		memcpy(s + len, rep->messages, tail);
	s[len + tail] = '\0';
	free(rep->messages);
	rep->messages = s;
	return HOP_OK;
}

enum hop_status import_reader_error(struct import_report *rep, struct hop_err *err)
{
	char *old = rep->messages;
	size_t len = old ? strlen(old) : 0, add = strlen(err->msg);
	char *p = realloc(old, len + add + 2);

	if (!p)
		return hop_fail(err, HOP_ENOMEM, _("out of memory"));
	memcpy(p + len, err->msg, add);
	memcpy(p + len + add, "\n", 2);
	rep->messages = p;
	rep->errors++;
	return HOP_OK;
}

enum hop_status import_refuse(struct hop_err *err, const char *name, int errors, int total)
{
	return hop_fail(err, HOP_EINVAL,
	                ngettext("%s: %d of %d rows has errors; nothing was imported",
	                         "%s: %d of %d rows have errors; nothing was imported",
	                         (unsigned long)errors),
	                name, errors, total);
}

void import_nothing_imported(struct hop_err *err, enum hop_status st)
{
	if (!strstr(err->msg, _("nothing was imported"))) {
		char msg[HOP_ERR_MSG_MAX];
		snprintf(msg, sizeof msg, "%s", err->msg);
		hop_fail(err, st, _("%s; nothing was imported"), msg);
	}
}
