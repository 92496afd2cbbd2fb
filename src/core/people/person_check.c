/* People: checks of single fields (login, name, e-mail), shared by the
 * command line, the TUI, the importer and the changes in person_edit.c. */
#include <string.h>

#include "hop/base/i18n.h"
#include "hop/core/people/person.h"

enum hop_status person_check_login(const char *login, struct hop_err *err)
{
	size_t n = strlen(login);

	if (n == 0)
		return hop_fail(err, HOP_EINVAL, _("the login is empty; give the person's Unix "
		                "login, such as 'jweiss'"));
	if (n > HOP_LOGIN_MAX)
		return hop_fail(err, HOP_EINVAL, _("the login is %zu characters long; the limit "
		                "is %d"), n, HOP_LOGIN_MAX);
	for (size_t i = 0; i < n; i++) {
		char c = login[i];
		bool ok = (c >= 'a' && c <= 'z') || c == '_' ||
		          (i > 0 && ((c >= '0' && c <= '9') || c == '.' || c == '-'));
		if (!ok)
			return hop_fail(err, HOP_EINVAL, _("the login '%s' is not a Unix login: use "
			                "lower-case letters a-z, digits and '_', '.', '-', starting "
			                "with a letter or '_'"), login);
	}
	return HOP_OK;
}

/* Length of the UTF-8 sequence at s, or 0 if it is not valid (overlong forms,
 * surrogates and code points above U+10FFFF are not). */
static size_t utf8_seq(const unsigned char *s, unsigned *cp)
{
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xC2 && s[0] <= 0xDF && (s[1] & 0xC0) == 0x80) {
		*cp = ((unsigned)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
		return 2;
	}
	if ((s[0] & 0xF0) == 0xE0 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80) {
		*cp = ((unsigned)(s[0] & 0x0F) << 12) | ((unsigned)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
		if (*cp < 0x800 || (*cp >= 0xD800 && *cp <= 0xDFFF))
			return 0;
		return 3;
	}
	if (s[0] >= 0xF0 && s[0] <= 0xF4 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80 &&
	    (s[3] & 0xC0) == 0x80) {
		*cp = ((unsigned)(s[0] & 0x07) << 18) | ((unsigned)(s[1] & 0x3F) << 12) |
		      ((unsigned)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
		if (*cp < 0x10000 || *cp > 0x10FFFF)
			return 0;
		return 4;
	}
	return 0;
}

enum hop_status person_check_name(const char *name, struct hop_err *err)
{
	const unsigned char *p = (const unsigned char *)name;
	size_t n = strlen(name);
	bool blank = true;

	if (n > HOP_NAME_MAX)
		return hop_fail(err, HOP_EINVAL, _("the name is %zu bytes long; the limit is %d "
		                "bytes"), n, HOP_NAME_MAX);
	while (*p) {
		unsigned cp;
		size_t len = utf8_seq(p, &cp);

		if (!len)
			return hop_fail(err, HOP_EINVAL, _("the name is not valid UTF-8 (byte %zu); "
			                "check the encoding of what you typed or imported"),
			                (size_t)(p - (const unsigned char *)name) + 1);
		if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F))
			return hop_fail(err, HOP_EINVAL, _("the name contains a control character "
			                "(U+%04X) at byte %zu; names are plain text on one line"),
			                cp, (size_t)(p - (const unsigned char *)name) + 1);
		if (cp != ' ')
			blank = false;
		p += len;
	}
	if (blank)
		return hop_fail(err, HOP_EINVAL, _("the name is empty; give the person's full "
		                "name, such as 'Jürgen Weiß'"));
	return HOP_OK;
}

enum hop_status person_check_email(const char *email, struct hop_err *err)
{
	size_t n = strlen(email);
	const char *at;

	if (n == 0)
		return HOP_OK;
	if (n > HOP_EMAIL_MAX)
		return hop_fail(err, HOP_EINVAL, _("the e-mail address is %zu characters long; "
		                "the limit is %d"), n, HOP_EMAIL_MAX);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)email[i];
		if (c <= ' ' || c == 0x7F)
			return hop_fail(err, HOP_EINVAL, _("the e-mail address '%s' contains a "
			                "space or control character"), email);
	}
	at = strchr(email, '@');
	if (!at || strchr(at + 1, '@') || at == email || !at[1])
		return hop_fail(err, HOP_EINVAL, _("'%s' is not an e-mail address; write it as "
		                "name@example.org"), email);
	return HOP_OK;
}
