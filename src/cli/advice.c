/* The command line's advice on a refusal: how to go on, in hop's own
 * commands.  Core's sentence says what is wrong and names no command; the
 * advice is appended to it as the command line has always phrased it:
 *   "desk 1.08 is already booked by Anna Berg on Tue 24 Nov 2026 (AM)"
 *   + "; 'hop free 2026-11-24' shows what is free" */
#include <stdarg.h>
#include <stdio.h>

#include "hop/cli/cli.h"
#include "hop/base/date.h"
#include "hop/base/i18n.h"

static void put(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void put(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, size, fmt, ap);
	va_end(ap);
}

/* Each advice continues core's sentence, so it begins with "; " or " (". */
const char *cli_advice(enum hop_reason reason, const struct hop_facts *f, char *buf,
                       size_t size)
{
	char day[HOP_DATE_ISO_LEN];

	buf[0] = '\0';
	switch (reason) {
	case HOP_R_NONE:
		break;
	case HOP_R_NO_PERSON:
		put(buf, size, "%s", _("; 'hop person list --all' shows everyone"));
		break;
	case HOP_R_NO_TEAM:
	case HOP_R_NO_TEAM_GIVEN:
		put(buf, size, "%s", _("; 'hop team list' shows the teams"));
		break;
	case HOP_R_PERSON_AMBIGUOUS:
		/* The sentence names five at most. */
		if (f->n > 5)
			put(buf, size, "%s", _("; give the login or more of the name ('hop person list "
			                       "--search TEXT' lists them all)"));
		else
			put(buf, size, "%s", _("; give the login or more of the name"));
		break;
	case HOP_R_TEAM_AMBIGUOUS:
		if (f->n > 5)
			put(buf, size, "%s", _("; give more of the name ('hop team list' shows them all)"));
		else
			put(buf, size, "%s", _("; give more of the name"));
		break;
	case HOP_R_NOT_IN_TEAM:
		put(buf, size, "%s", _("; name the team (--team TEAM); 'hop team list' shows them"));
		break;
	case HOP_R_NO_SITE:
		put(buf, size, "%s", _("; 'hop site list' shows the sites, 'hop site add NAME' adds "
		                       "one"));
		break;
	case HOP_R_NO_ZONE:
		if (f->site[0])
			put(buf, size, _("; 'hop zone list --site \"%s\"' shows its zones"), f->site);
		else
			put(buf, size, "%s", _("; 'hop zone list' shows the zones"));
		break;
	case HOP_R_NO_PLACE:
		put(buf, size, "%s", _("; 'hop desk list --all' and 'hop room list --all' show them"));
		break;
	case HOP_R_NO_PLACE_TO_BOOK:
		put(buf, size, "%s", _("; 'hop desk list' shows them all, 'hop free DATE' the free "
		                       "ones"));
		break;
	case HOP_R_NO_DESK_GIVEN:
		put(buf, size, "%s", _(" ('hop free DATE' lists the free ones)"));
		break;
	case HOP_R_NO_BOOKING:
		if (f->self)
			put(buf, size, "%s", _("; 'hop bookings --mine' lists yours"));
		else
			put(buf, size, _("; 'hop bookings --person %s' lists theirs"), f->login);
		break;
	case HOP_R_NO_TEAMDAY:
		put(buf, size, _("; 'hop teamday list --team %s' shows them"), f->team);
		break;
	case HOP_R_NO_PERIOD:
		put(buf, size, "%s", _("; give a week (2026-W48) or --from and --to"));
		break;
	case HOP_R_PLACE_BOOKED:
		put(buf, size, _("; 'hop free %s' shows what is free"), date_format(f->day, day));
		break;
	case HOP_R_FIXED_DESK_CLAIMED:
	case HOP_R_NO_FREE_PLACE:
		put(buf, size, _(" ('hop free %s')"), date_format(f->day, day));
		break;
	case HOP_R_HOLDS_DESK:
		if (f->self)
			put(buf, size, _("; cancel it first with 'hop cancel %s %s'"),
			    date_format(f->day, day), f->place);
		else
			put(buf, size, _("; cancel it first with 'hop cancel %s %s --for %s'"),
			    date_format(f->day, day), f->place, f->login);
		break;
	case HOP_R_PLACE_RETIRED:
	case HOP_R_TEAM_PLACE:
		put(buf, size, "%s", _(" ('hop free DATE')"));
		break;
	case HOP_R_LEADS_PLACE:
		put(buf, size, "%s", _("; choose another place ('hop free DATE') or ask your lead"));
		break;
	case HOP_R_GROUP_NEEDS_ROOM:
		put(buf, size, "%s", _(" ('hop free DATE' lists rooms too)"));
		break;
	case HOP_R_ROOM_TOO_SMALL:
		put(buf, size, "%s", _(" ('hop free DATE --people N')"));
		break;
	case HOP_R_DESK_AND_ANY:
		put(buf, size, "%s", _("; give either a DESK or --any, not both"));
		break;
	case HOP_R_DESK_OR_ANY:
		put(buf, size, "%s", _(" (--any)"));
		break;
	case HOP_R_ANY_ONLY:
		put(buf, size, "%s", _(" (use them with --any)"));
		break;
	case HOP_R_NEAR_TEAM_NO_TEAM:
		put(buf, size, "%s", _("; leave out --near-team"));
		break;
	case HOP_R_SERIES_NO_END:
		put(buf, size, "%s", _(" (--until)"));
		break;
	case HOP_R_UNTIL_BEFORE_FROM:
		put(buf, size, "%s", _("; give a later --until"));
		break;
	case HOP_R_TO_BEFORE_FROM:
		put(buf, size, "%s", _("; give --to on or after --from"));
		break;
	case HOP_R_TEAM_DISSOLVED:
		put(buf, size, "%s", _(" ('hop team list')"));
		break;
	case HOP_R_TEAM_HAS_MEMBERS:
		put(buf, size, _(" ('hop person edit LOGIN --team OTHER'; 'hop team show %s' lists "
		                 "them)"), f->team);
		break;
	case HOP_R_DESK_FOR_ONE:
		put(buf, size, _(" ('hop room add CODE --kind meeting-room --capacity %d')"), f->n);
		break;
	case HOP_R_ROOM_CAPACITY:
		put(buf, size, "%s", _("; give it with --capacity N"));
		break;
	case HOP_R_ZONE_WITHOUT_TEAM:
		put(buf, size, _("; give the zone a team ('hop zone edit \"%s\" --team TEAM') or make "
		                 "it bookable by all"), f->zone);
		break;
	case HOP_R_ZONE_TEAM_PLACES:
		put(buf, size, "%s", ngettext("; make it bookable by all first ('hop desk edit CODE "
		                              "--bookable all') or give the zone another team",
		                              "; make them bookable by all first ('hop desk edit CODE "
		                              "--bookable all') or give the zone another team",
		                              (unsigned long)f->n));
		break;
	case HOP_R_CODE_RETIRED:
		put(buf, size, _(" (bring it back with 'hop desk edit %s --activate')"), f->place);
		break;
	case HOP_R_ALREADY_RETIRED:
		put(buf, size, _("; 'hop desk edit %s --activate' brings it back"), f->place);
		break;
	case HOP_R_ROOM_NOT_DESK:
		put(buf, size, _("; use --room %s"), f->place);
		break;
	case HOP_R_DESK_NOT_ROOM:
		put(buf, size, _("; use --desk %s"), f->place);
		break;
	case HOP_R_CLOSURES_BY_FACILITIES:
		put(buf, size, "%s", _("; ask one of them to run 'hop import holidays'"));
		break;
	case HOP_R_IMPORT_NO_TEAM:
		put(buf, size, "%s", _("; --create-teams creates the missing teams"));
		break;
	case HOP_R_NO_COURSE:
		put(buf, size, "%s", _("; 'hop course list' shows the catalogue"));
		break;
	case HOP_R_NO_AREA:
		put(buf, size, "%s", _("; 'hop area list' shows the work areas"));
		break;
	case HOP_R_NO_ROTATION_EXCEPTION:
		put(buf, size, "%s", _("; 'hop rotation exceptions' lists those in force"));
		break;
	case HOP_R_BOOK_FOR_SELF_ONLY:
		put(buf, size, "%s", _("; without --for, 'hop book' books for you"));
		break;
	}
	return buf;
}
