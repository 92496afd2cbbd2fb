/* What publishing's run (publish.c), its files (publish_file.c) and its
 * memory of the last run (publish_state.c) share.  Private to src/core/feeds. */
#ifndef HOP_PUB_INT_H
#define HOP_PUB_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>
#include "hop/base/err.h"
#include "hop/core/feeds/feeds.h"

struct hop_app;

#define PUB_STATE_MAX 5000
#define PUB_PATH_MAX 4200

/* The file name of a feed: PREFIX-KEY.ics, the key's bytes that are not
 * plain written '=' and two hex digits, so that no two keys share a file and
 * no name leaves the directory. */
void pub_safe_name(char *out, size_t size, enum ics_feed_kind kind, const char *key);

/* A file being published: a feed rendered into memory (f) first, or index.txt,
 * which lists every feed, written to a temporary file as it is made (tmp). */
struct pub_file {
	const char *dir;
	char path[PUB_PATH_MAX], tmp[PUB_PATH_MAX + 8];
	FILE *f;
	char *text;
	size_t len;
	bool on_disk;
	/* No feed file was in the directory when the run began: there is
	 * nothing to compare with (a first run writes 25,000 files). */
	bool fresh;
};
enum hop_status pub_file_open(struct pub_file *pf, const char *dir, const char *name,
                              struct hop_err *err);
enum hop_status pub_file_open_disk(struct pub_file *pf, const char *dir, const char *name,
                                   mode_t mode, struct hop_err *err);
/* Finish: st is the writing's status.  The file is put in place (a
 * temporary name with mode, renamed) unless the one there differs only in
 * its DTSTAMP lines; rep counts which. */
enum hop_status pub_file_close(struct pub_file *pf, mode_t mode, enum hop_status st,
                               struct ics_publish_report *rep, struct hop_err *err);
/* Remove the temporaries dead runs left in dir, some holding half a feed;
 * *feeds: whether any feed file is there. */
enum hop_status pub_remove_temporaries(const char *dir, struct ics_publish_report *rep,
                                       bool *feeds, struct hop_err *err);
/* Remove the feed files in dir not among written[0..n) (which gets sorted). */
enum hop_status pub_remove_stale(const char *dir, char **written, size_t n,
                                 struct ics_publish_report *rep, struct hop_err *err);

/* Is name a feed file (person-*.ics, team-*.ics, desk-*.ics, room-*.ics)? */
bool pub_feed_file(const char *name);
/* The state of the data, the day, the configuration and the directory now. */
enum hop_status pub_state_now(struct hop_app *app, const char *dir, char *out, size_t size,
                              struct hop_err *err);
/* Did the last complete run into dir see exactly now, with its feeds all
 * still in dir?  *feeds: how many it wrote or kept. */
bool pub_unchanged(struct hop_app *app, const char *dir, const char *now, size_t *feeds);
/* Remember a complete run. */
void pub_state_put(struct hop_app *app, const char *now, size_t feeds);

#endif
