/* The top line: organisation, who is acting, today and its ISO week. */
#include <stdio.h>

#include "hop/core/app.h"
#include "hop/base/clock.h"
#include "hop/base/i18n.h"
#include "colour.h"
#include "text.h"
#include "tui_internal.h"

/* Weekday abbreviations are a choice gettext cannot make well (German uses two
 * letters, English three), so the two forms are spelt out here. */
static const char *const weekday_en[7] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
static const char *const weekday_de[7] = { "Mo", "Di", "Mi", "Do", "Fr", "Sa", "So" };

char *tui_short_date(hop_date day, char *buf, size_t size)
{
	int y, m, d, ty, tm, td;

	if (day == HOP_DATE_NONE) {
		snprintf(buf, size, "%s", "");
		return buf;
	}
	date_to_ymd(day, &y, &m, &d);
	date_to_ymd(clock_today(), &ty, &tm, &td);
	if (y == ty)
		snprintf(buf, size, "%02d.%02d.", d, m);
	else
		snprintf(buf, size, "%02d.%02d.%02d", d, m, y % 100);
	return buf;
}

char *tui_date_text(hop_date day, bool weekday, char *buf, size_t size)
{
	int y, m, d, wd;
	bool de = i18n_is_german();

	if (day == HOP_DATE_NONE) {
		snprintf(buf, size, "%s", "");
		return buf;
	}
	date_to_ymd(day, &y, &m, &d);
	wd = date_weekday(day) - 1;
	if (de && weekday)
		snprintf(buf, size, "%s %02d.%02d.%04d", weekday_de[wd], d, m, y);
	else if (de)
		snprintf(buf, size, "%02d.%02d.%04d", d, m, y);
	else if (weekday)
		snprintf(buf, size, "%s %04d-%02d-%02d", weekday_en[wd], y, m, d);
	else
		snprintf(buf, size, "%04d-%02d-%02d", y, m, d);
	return buf;
}

void header_draw(struct tui *t)
{
	const struct hop_app *app = t->app;
	const char *org = app->cfg.org_name[0] ? app->cfg.org_name : "hop";
	char date[32], week[32], right[96], who[HOP_NAME_MAX + HOP_LOGIN_MAX + 64];
	hop_date today = clock_today();
	int iso_year, wk, right_x, avail, org_w, who_w, who_x;

	date_iso_week(today, &iso_year, &wk);
	tui_date_text(today, true, date, sizeof date);
	snprintf(week, sizeof week, _("KW %d"), wk);
	snprintf(right, sizeof right, "%s  %s", date, week);
	if (app->actor.known)
		snprintf(who, sizeof who, _("%s · %s"), app->actor.person.name,
		         role_display(app->actor.roles));
	else
		snprintf(who, sizeof who, _("%s · not registered"), app->actor.login);

	attrset(colour_attr(TC_HEADER));
	text_fill(stdscr, 0, 0, t->cols);
	right_x = t->cols - text_width(right) - 1;
	text_draw(stdscr, 0, right_x, right, t->cols - right_x);

	/* The date is never cut; organisation and user share what is left. */
	avail = right_x - 1 - 3 - 2;
	org_w = text_width(org);
	who_w = text_width(who);
	if (org_w + who_w > avail) {
		int half = avail / 2;
		if (org_w > half && who_w > avail - half) {
			org_w = half;
			who_w = avail - half;
		} else if (org_w > half) {
			org_w = avail - who_w;
		} else {
			who_w = avail - org_w;
		}
	}
	attron(A_BOLD);
	org_w = text_draw(stdscr, 0, 1, org, org_w);
	attroff(A_BOLD);
	who_x = (t->cols - who_w) / 2;
	if (who_x < 1 + org_w + 3)
		who_x = 1 + org_w + 3;
	if (who_x + who_w > right_x - 2)
		who_x = right_x - 2 - who_w;
	text_draw(stdscr, 0, who_x, who, who_w);
	attrset(A_NORMAL);
}
