/* Status codes and the message a person can act on.
 *
 * Every fallible function in core, db and config returns an enum hop_status and
 * fills a struct hop_err with a complete sentence ("desk 3.14 is already booked
 * by Anna Berg on Tue 24 Nov (AM)"); the front end decides how to show it. */
#ifndef HOP_ERR_H
#define HOP_ERR_H

enum hop_status {
	HOP_OK = 0,
	HOP_EINVAL,     /* bad input: a value, a line of a file, an argument */
	HOP_ENOTFOUND,  /* no such person, team, desk, file */
	HOP_EPERM,      /* the acting user may not do this */
	HOP_ECONFLICT,  /* already exists, already booked, still referenced */
	HOP_EDB,        /* the database failed or is unusable (too new, corrupt) */
	HOP_EIO,        /* reading or writing a file failed */
	HOP_ENOMEM,
};

#define HOP_ERR_MSG_MAX 2048

struct hop_err {
	enum hop_status status;
	char msg[HOP_ERR_MSG_MAX];
};

/* Record a failure and return st, so that callers can write
 *   return hop_fail(err, HOP_EINVAL, _("..."), ...);
 * err may be NULL.  The message is already translated by the caller. */
enum hop_status hop_fail(struct hop_err *err, enum hop_status st, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Put a prefix ("people.csv:12: ") in front of a message already recorded. */
void hop_err_prefix(struct hop_err *err, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

void hop_err_clear(struct hop_err *err);

/* Process exit status for a failure: 1 for most, documented in hop(1). */
int hop_exit_status(enum hop_status st);

#endif
