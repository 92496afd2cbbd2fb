/* Where an export goes.  A regular file (or a new one) is written under a
 * temporary name beside it and renamed into place, keeping its permissions,
 * so that a reader never sees half a file and a failure keeps the old one.
 * Anything else — a device such as /dev/null, a FIFO, /dev/stdout — is written
 * directly: renaming over it would replace the device with a file.
 * Installed setgid, hop opens, renames and removes these files with the
 * caller's rights, never its group's: an export onto the database fails. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hop/cli/cli.h"
#include "hop/base/csv.h"
#include "hop/base/i18n.h"
#include "hop/base/priv.h"

static enum hop_status outfile_open(struct cli_outfile *o, const char *path, struct hop_err *err)
{
	const char *slash = strrchr(path, '/');
	struct stat sb;
	mode_t mode, mask;
	int fd, exists = stat(path, &sb) == 0;

	memset(o, 0, sizeof *o);
	if (strlen(path) + 16 > sizeof o->tmp)
		return hop_fail(err, HOP_EINVAL, _("the file name %s is too long"), path);
	snprintf(o->path, sizeof o->path, "%s", path);
	if (exists && !S_ISREG(sb.st_mode)) {
		if (S_ISDIR(sb.st_mode))
			return hop_fail(err, HOP_EIO, _("%s is a directory; give a file name"), path);
		if (!(o->fp = fopen(path, "w")))
			return hop_fail(err, HOP_EIO, _("cannot write %s: %s"), path, strerror(errno));
		return HOP_OK;
	}
	/* ".name.XXXXXX" in the same directory, so that rename stays atomic. */
	if (slash)
		snprintf(o->tmp, sizeof o->tmp, "%.*s.%s.XXXXXX", (int)(slash - path + 1), path,
		         slash + 1);
	else
		snprintf(o->tmp, sizeof o->tmp, ".%s.XXXXXX", path);
	if ((fd = mkstemp(o->tmp)) < 0) {
		o->tmp[0] = '\0';
		return hop_fail(err, HOP_EIO, _("cannot create a file beside %s: %s"), path,
		                strerror(errno));
	}
	/* An existing file keeps its permissions; a new one gets the usual ones. */
	if (exists) {
		mode = sb.st_mode & 07777;
	} else {
		mask = umask(0);
		umask(mask);
		mode = 0666 & ~mask;
	}
	if (fchmod(fd, mode) != 0 || !(o->fp = fdopen(fd, "w"))) {
		hop_fail(err, HOP_EIO, _("cannot write %s: %s"), o->tmp, strerror(errno));
		close(fd);
		unlink(o->tmp);
		o->tmp[0] = '\0';
		return err->status;
	}
	return HOP_OK;
}

enum hop_status cli_outfile_open(struct cli_outfile *o, const char *path, struct hop_err *err)
{
	enum hop_status st;

	memset(o, 0, sizeof *o);
	if (!priv_user_begin())
		return hop_fail(err, HOP_EIO, _("cannot set aside hop's group rights to open %s: %s"),
		                path, strerror(errno));
	st = outfile_open(o, path, err);
	priv_user_end();
	return st;
}

enum hop_status cli_outfile_commit(struct cli_outfile *o, struct hop_err *err)
{
	int failed = fflush(o->fp) != 0 || ferror(o->fp) || (o->tmp[0] && fsync(fileno(o->fp)) != 0);
	int saved = errno;
	enum hop_status st = HOP_OK;

	if (fclose(o->fp) != 0 && !failed) {
		failed = 1;
		saved = errno;
	}
	o->fp = NULL;
	if (failed) {
		if (o->tmp[0] && priv_user_begin()) {
			unlink(o->tmp);
			priv_user_end();
		}
		return hop_fail(err, HOP_EIO, _("cannot write %s: %s"), o->path, strerror(saved));
	}
	if (!o->tmp[0])
		return HOP_OK;
	if (!priv_user_begin()) {
		hop_fail(err, HOP_EIO, _("cannot set aside hop's group rights to open %s: %s"),
		         o->path, strerror(errno));
		return err->status;    /* the temporary file stays: removing it needs them too */
	}
	if (rename(o->tmp, o->path) != 0) {
		st = hop_fail(err, HOP_EIO, _("cannot replace %s: %s"), o->path, strerror(errno));
		unlink(o->tmp);
	}
	priv_user_end();
	return st;
}

void cli_outfile_abort(struct cli_outfile *o)
{
	if (o->fp)
		fclose(o->fp);
	o->fp = NULL;
	if (o->tmp[0] && priv_user_begin()) {
		unlink(o->tmp);
		priv_user_end();
	}
}

/* ---- the form of an export ---- */

bool cli_export_form_parse(const char *text, int *form)
{
	static const struct { const char *name; int form; } forms[] = {
		{ "csv", CFG_EXPORT_CSV }, { "tsv", CFG_EXPORT_TSV }, { "excel", CFG_EXPORT_EXCEL },
	};
	for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
		if (strcmp(text, forms[i].name) == 0) {
			*form = forms[i].form;
			return true;
		}
	}
	return false;
}

/* The separator of form, after writing what must come first. */
static char export_begin(FILE *out, int form)
{
	switch (form) {
	case CFG_EXPORT_TSV:
		return '\t';
	case CFG_EXPORT_EXCEL:
		/* German Excel takes ';' as the separator (',' is its decimal
		 * mark) and reads UTF-8 only after a byte-order mark. */
		csv_write_bom(out);
		return ';';
	default:
		return ',';
	}
}

int cli_export_run(struct cli_ctx *ctx, const char *path, int form, cli_export_fn fn,
                   const void *arg)
{
	struct cli_outfile o;
	struct hop_err err;
	char sep;

	if (form < 0)
		form = (int)ctx->app.cfg.export_format;
	if (!path || strcmp(path, "-") == 0) {
		sep = export_begin(stdout, form);
		if (fn(&ctx->app, stdout, sep, arg, &err) != HOP_OK)
			return cli_fail(&err);
		if (fflush(stdout) != 0 || ferror(stdout))
			return cli_failf(HOP_EIO, _("cannot write to standard output: %s"),
			                 strerror(errno));
		return 0;
	}
	/* Through cli_outfile: a failed export never leaves half a file, nor
	 * destroys the old one. */
	if (cli_outfile_open(&o, path, &err) != HOP_OK)
		return cli_fail(&err);
	sep = export_begin(o.fp, form);
	if (fn(&ctx->app, o.fp, sep, arg, &err) != HOP_OK) {
		cli_outfile_abort(&o);
		return cli_fail(&err);
	}
	if (cli_outfile_commit(&o, &err) != HOP_OK)
		return cli_fail(&err);
	return 0;
}
