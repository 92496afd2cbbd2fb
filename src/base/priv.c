/* Privileges: hop installed setgid for a whole authority (see priv.h and
 * hop(1), SECURITY).  The rules are the classic ones of setgid programs:
 * trust no environment, open what the caller names with the caller's
 * rights, and hold the group only where the database needs it. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hop/base/priv.h"

static bool privileged, assumed;
static uid_t saved_euid;
static gid_t saved_egid;
static int depth;

void priv_init(void)
{
	struct stat sb;

	saved_euid = geteuid();
	saved_egid = getegid();
	privileged = getuid() != saved_euid || getgid() != saved_egid;
	if (!privileged)
		return;
	/* A descriptor 0-2 closed by the caller would be reused by the next
	 * open — perhaps the database — and a message written into it. */
	for (int fd = 0; fd < 3; fd++)
		if (fstat(fd, &sb) != 0 && errno == EBADF &&
		    open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY) != fd)
			_exit(127);
	/* "Today" decides what may still be changed; it is the host's day. */
	unsetenv("TZ");
}

bool hop_privileged(void)
{
	return privileged || assumed;
}

const char *priv_getenv(const char *name)
{
	return hop_privileged() ? NULL : getenv(name);
}

bool priv_user_begin(void)
{
	if (!privileged || depth++ > 0)
		return true;
	/* The group first: a setuid-root hop could not change it afterwards. */
	if ((getegid() != getgid() && setegid(getgid()) != 0) ||
	    (geteuid() != getuid() && seteuid(getuid()) != 0)) {
		int e = errno;
		priv_user_end();
		errno = e;
		return false;
	}
	return true;
}

void priv_user_end(void)
{
	if (!privileged || depth == 0 || --depth > 0)
		return;
	/* The saved set-user and set-group ids allow the way back.  Should it
	 * fail, hop goes on with the caller's rights only: the database then
	 * refuses, nothing more is allowed. */
	if (geteuid() != saved_euid && seteuid(saved_euid) != 0)
		return;
	if (getegid() != saved_egid && setegid(saved_egid) != 0)
		return;
}

void priv_assume(bool on)
{
	assumed = on;
}
