/* Finding hop.ini: --config, $HOP_CONFIG, the user's XDG directory, the
 * system-wide file, in that order. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hop/config/config.h"
#include "hop/base/i18n.h"
#include "hop/base/priv.h"

#ifndef HOP_SYSCONFDIR
#error "HOP_SYSCONFDIR must be defined (the Makefile does)"
#endif

static void place_set(struct config_place *pl, const char *a, const char *b)
{
	struct stat st;

	if ((size_t)snprintf(pl->path, sizeof pl->path, "%s%s", a, b) >= sizeof pl->path) {
		pl->too_long = true;
		pl->state = CONFIG_PLACE_FOUND;   /* so that config_locate reports it */
		return;
	}
	/* Anything there, even a directory, is "found": config_locate then says
	 * what is wrong with it instead of quietly passing over it. */
	if (stat(pl->path, &st) == 0 || (errno != ENOENT && errno != ENOTDIR))
		pl->state = CONFIG_PLACE_FOUND;
	else
		pl->state = CONFIG_PLACE_MISSING;
}

void config_places(const char *cli_path, struct config_place places[CONFIG_PLACES])
{
	/* Privileged, only the system-wide file counts (priv_getenv). */
	const char *env = priv_getenv("HOP_CONFIG"), *xdg = priv_getenv("XDG_CONFIG_HOME");
	const char *home = priv_getenv("HOME");

	memset(places, 0, CONFIG_PLACES * sizeof *places);
	places[0].source = "--config";
	places[0].explicit_file = true;
	if (cli_path && *cli_path)
		place_set(&places[0], cli_path, "");

	places[1].source = "$HOP_CONFIG";
	places[1].explicit_file = true;
	if (env && *env)
		place_set(&places[1], env, "");

	/* The XDG base directory rules ignore a relative $XDG_CONFIG_HOME. */
	if (xdg && *xdg == '/') {
		places[2].source = "$XDG_CONFIG_HOME";
		place_set(&places[2], xdg, "/hop/hop.ini");
	} else {
		places[2].source = "~/.config";
		if (home && *home)
			place_set(&places[2], home, "/.config/hop/hop.ini");
	}

	places[3].source = _("system-wide");
	place_set(&places[3], HOP_SYSCONFDIR, "/hop/hop.ini");
}

static enum hop_status usable(const struct config_place *pl, struct hop_err *err)
{
	struct stat st;

	if (pl->too_long)
		return hop_fail(err, HOP_EINVAL,
		                _("the configuration file name from %s is longer than %d bytes"),
		                pl->source, HOP_PATH_MAX - 1);
	if (stat(pl->path, &st) != 0)
		return hop_fail(err, HOP_EIO, _("cannot use the configuration file %s (from %s): %s"),
		                pl->path, pl->source, strerror(errno));
	if (S_ISDIR(st.st_mode))
		return hop_fail(err, HOP_EINVAL,
		                _("the configuration file %s (from %s) is a directory; give the path of an INI file"),
		                pl->path, pl->source);
	if (!S_ISREG(st.st_mode))
		return hop_fail(err, HOP_EINVAL,
		                _("the configuration file %s (from %s) is not a regular file"),
		                pl->path, pl->source);
	if (access(pl->path, R_OK) != 0)
		return hop_fail(err, HOP_EIO, _("cannot read the configuration file %s (from %s): %s"),
		                pl->path, pl->source, strerror(errno));
	return HOP_OK;
}

enum hop_status config_locate(const char *cli_path, char *path, size_t size,
                              const char **source, struct hop_err *err)
{
	struct config_place places[CONFIG_PLACES];

	path[0] = '\0';
	*source = _("built-in defaults");
	if (cli_path && !*cli_path)
		return hop_fail(err, HOP_EINVAL, _("--config needs a file name"));
	config_places(cli_path, places);
	for (size_t i = 0; i < CONFIG_PLACES; i++) {
		const struct config_place *pl = &places[i];

		if (pl->state == CONFIG_PLACE_UNSET)
			continue;
		if (pl->state == CONFIG_PLACE_MISSING) {
			if (i == 0)
				return hop_fail(err, HOP_ENOTFOUND,
				                _("the configuration file %s given with --config does not exist"),
				                pl->path);
			if (pl->explicit_file)
				return hop_fail(err, HOP_ENOTFOUND,
				                _("the configuration file %s named by $HOP_CONFIG does not exist; create it or unset HOP_CONFIG"),
				                pl->path);
			continue;
		}
		if (usable(pl, err) != HOP_OK)
			return err->status;
		if (strlen(pl->path) >= size)
			return hop_fail(err, HOP_EINVAL,
			                _("the configuration file name %s is too long"), pl->path);
		memcpy(path, pl->path, strlen(pl->path) + 1);
		*source = pl->source;
		return HOP_OK;
	}
	return HOP_OK;
}
