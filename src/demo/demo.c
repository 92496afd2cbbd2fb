/* The demo organisation: a fictional "Landesamt für Digitales und Verwaltung"
 * with units, leads, HR and facilities people, new hires and leavers.  People,
 * teams and places are made through the ordinary core functions (person_add,
 * team_add, desk_add, ...) as the acting admin, so every rule holds and the
 * audit log shows who made them; the bookings, up to two million of them,
 * through the lean bulk path (demo_bookings.c).  All in one transaction. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/audit.h"
#include "hop/base/clock.h"
#include "hop/db/db.h"
#include "hop/demo/demo.h"
#include "hop/base/i18n.h"
#include "hop/core/people/person.h"
#include "demo_internal.h"
#include "demo_names.h"

#define LOGIN_BASE_MAX 20     /* letters before a dedup number, well inside HOP_LOGIN_MAX */
#define YEAR 365

/* ---- transliteration for logins ---- */

static const struct {
	const char *utf8, *ascii;
} translit[] = {
	{ "ä", "ae" }, { "ö", "oe" }, { "ü", "ue" }, { "Ä", "ae" }, { "Ö", "oe" },
	{ "Ü", "ue" }, { "ß", "ss" }, { "á", "a" }, { "à", "a" }, { "â", "a" },
	{ "ą", "a" }, { "ç", "c" }, { "Ç", "c" }, { "ć", "c" }, { "č", "c" },
	{ "Č", "c" }, { "đ", "d" }, { "Đ", "d" }, { "é", "e" }, { "è", "e" },
	{ "ê", "e" }, { "ë", "e" }, { "ę", "e" }, { "ě", "e" }, { "ğ", "g" },
	{ "í", "i" }, { "ı", "i" }, { "İ", "i" }, { "ł", "l" }, { "Ł", "l" },
	{ "ń", "n" }, { "ñ", "n" }, { "ó", "o" }, { "ř", "r" }, { "ś", "s" },
	{ "Ś", "s" }, { "ş", "s" }, { "Ş", "s" }, { "š", "s" }, { "Š", "s" },
	{ "ú", "u" }, { "ů", "u" }, { "ý", "y" }, { "ź", "z" }, { "ż", "z" },
	{ "Ż", "z" }, { "ž", "z" }, { "Ž", "z" },
};

bool demo_transliterate(const char *name, char *buf, size_t size)
{
	const char *p = name;
	size_t n = 0;

	if (!size)
		return false;
	while (*p) {
		unsigned char c = (unsigned char)*p;
		char one[2] = { 0, 0 };
		const char *add = NULL;
		size_t step = 1, len;

		if (c >= 'a' && c <= 'z') {
			one[0] = (char)c;
			add = one;
		} else if (c >= 'A' && c <= 'Z') {
			one[0] = (char)(c - 'A' + 'a');
			add = one;
		} else if (c >= '0' && c <= '9') {
			one[0] = (char)c;
			add = one;
		} else if (c == ' ' || c == '-' || c == '\'' || c == '.') {
			add = "";
		} else {
			for (size_t i = 0; i < sizeof translit / sizeof translit[0]; i++) {
				size_t l = strlen(translit[i].utf8);
				if (strncmp(p, translit[i].utf8, l) == 0) {
					add = translit[i].ascii;
					step = l;
					break;
				}
			}
			if (!add)
				return false;
		}
		len = strlen(add);
		if (n + len >= size)
			return false;
		memcpy(buf + n, add, len);
		n += len;
		p += step;
	}
	buf[n] = '\0';
	return true;
}

/* ---- a set of logins already given out ---- */

struct login_set {
	char (*v)[HOP_LOGIN_MAX + 1];
	size_t cap;   /* power of two, at least twice the logins it will hold */
};

static uint64_t hash_str(const char *s)
{
	uint64_t h = 0xcbf29ce484222325u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3u;
	return h;
}

/* True if login was new (and is now taken). */
static bool set_take(struct login_set *set, const char *login)
{
	size_t i = (size_t)hash_str(login) & (set->cap - 1);

	while (set->v[i][0]) {
		if (strcmp(set->v[i], login) == 0)
			return false;
		i = (i + 1) & (set->cap - 1);
	}
	snprintf(set->v[i], sizeof set->v[i], "%s", login);
	return true;
}

/* First letter of the first name and the surname: "Jürgen Weiß" -> jweiss,
 * then jweiss2, jweiss3, ... */
static enum hop_status make_login(struct login_set *set, const char *first,
                                  const char *surname, char *out, struct hop_err *err)
{
	char f[HOP_NAME_MAX + 1], s[HOP_NAME_MAX + 1], base[LOGIN_BASE_MAX + 1];
	size_t sl;

	if (!demo_transliterate(first, f, sizeof f) || !demo_transliterate(surname, s, sizeof s) ||
	    !f[0] || !s[0])
		return hop_fail(err, HOP_EINVAL, _("the demo name '%s %s' has a letter without "
		                "an ASCII form for its login"), first, surname);
	sl = strlen(s);
	if (sl > LOGIN_BASE_MAX - 1)
		sl = LOGIN_BASE_MAX - 1;
	base[0] = f[0];
	memcpy(base + 1, s, sl);
	base[sl + 1] = '\0';

	if (set_take(set, base)) {
		memcpy(out, base, sl + 2);
		return HOP_OK;
	}
	for (int k = 2;; k++) {
		char cand[HOP_LOGIN_MAX + 1];
		snprintf(cand, sizeof cand, "%s%d", base, k);
		if (set_take(set, cand)) {
			memcpy(out, cand, strlen(cand) + 1);
			return HOP_OK;
		}
	}
}

/* ---- the organisation's layout ---- */

/* The six units of the small demo, in display order, with the order in which
 * they are kept when there are fewer than six teams. */
static const struct {
	const char *name;
	int rank;
} fixed_teams[] = {
	{ "Referat Z 1 – Personal", 0 },
	{ "Referat Z 2 – Haushalt", 3 },
	{ "Referat 11 – Digitalisierung", 2 },
	{ "Referat 12 – Bürgerservice", 4 },
	{ "Referat 13 – Grundsatzfragen", 5 },
	{ "Innerer Dienst", 1 },
};
#define FIXED_TEAMS (int)(sizeof fixed_teams / sizeof fixed_teams[0])

struct demo_team {
	char name[HOP_TEAM_NAME_MAX + 1];
	char lead[HOP_LOGIN_MAX + 1];     /* "" until someone is made its lead */
	uint64_t cum;                     /* cumulative weight, for picking a team */
};

enum kind { K_LEAD, K_HR, K_FACILITIES, K_IT, K_FUTURE, K_FORMER, K_NEW, K_REGULAR };

struct plan {
	int nteams, personal, inner, it;
	int count[K_REGULAR + 1];         /* people of each kind, the actor not included */
};

static int take(int *left, int want)
{
	int k = want < *left ? want : *left;
	if (k < 0)
		k = 0;
	*left -= k;
	return k;
}

static int clampi(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

static void plan_make(struct plan *pl, int people, struct rng *r)
{
	int others = people - 1, left = others;
	int scale = people / 60 > 1 ? people / 60 : 1;
	bool varied = people >= 20;   /* below that, everyone is simply employed */

	memset(pl, 0, sizeof *pl);
	pl->nteams = clampi((people + 5) / 10, 1, people);
	pl->personal = 0;
	pl->inner = 0;
	pl->it = 0;
	if (pl->nteams < FIXED_TEAMS) {
		/* Only some fixed units: their indices among the kept ones. */
		int idx = 0;
		for (int i = 0; i < FIXED_TEAMS; i++) {
			if (fixed_teams[i].rank >= pl->nteams)
				continue;
			if (fixed_teams[i].rank == 1)
				pl->inner = idx;
			if (fixed_teams[i].rank == 2)
				pl->it = idx;
			idx++;
		}
		if (pl->nteams < 3)
			pl->it = pl->inner;
	} else {
		pl->inner = FIXED_TEAMS - 1;
		pl->it = 2;
	}
	pl->count[K_LEAD] = take(&left, pl->nteams);
	pl->count[K_HR] = take(&left, clampi(people / 30, 1, 12));
	pl->count[K_FACILITIES] = take(&left, clampi(people / 40, 1, 8));
	pl->count[K_IT] = take(&left, 1);
	pl->count[K_FUTURE] = varied ? take(&left, (2 + (int)rng_below(r, 2)) * scale) : 0;
	pl->count[K_FORMER] = varied ? take(&left, 2 * scale) : 0;
	pl->count[K_NEW] = varied ? take(&left, 3 * scale) : 0;
	pl->count[K_REGULAR] = left;
}

static void team_names(struct demo_team *t, const struct plan *pl, struct rng *r)
{
	int idx = 0;
	uint64_t cum = 0;

	for (int i = 0; i < FIXED_TEAMS; i++)
		if (fixed_teams[i].rank < pl->nteams)
			snprintf(t[idx++].name, sizeof t[0].name, "%s", fixed_teams[i].name);
	/* Further units numbered like a larger authority: department.unit. */
	for (int j = 0; idx < pl->nteams; j++, idx++)
		snprintf(t[idx].name, sizeof t[0].name, "Referat %d.%d – %s", 2 + j / 20,
		         j % 20 + 1, demo_subjects[rng_below(r, (uint32_t)demo_subject_count)]);
	for (int i = 0; i < pl->nteams; i++) {
		cum += 6 + rng_below(r, 9);
		t[i].cum = cum;
		t[i].lead[0] = '\0';
	}
}

static int pick_team(const struct demo_team *t, int n, struct rng *r)
{
	uint64_t x = rng_below(r, (uint32_t)t[n - 1].cum);
	int lo = 0, hi = n - 1;

	while (lo < hi) {
		int mid = (lo + hi) / 2;
		if (t[mid].cum > x)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

/* People start and leave on working days. */
static hop_date weekday_before(hop_date d)
{
	while (date_weekday(d) > 5)
		d--;
	return d;
}

static hop_date weekday_after(hop_date d)
{
	while (date_weekday(d) > 5)
		d++;
	return d;
}

static void person_name(struct rng *r, char *first, char *surname, size_t size)
{
	const char *f = demo_first_names[rng_below(r, (uint32_t)demo_first_name_count)];
	const char *s = demo_surnames[rng_below(r, (uint32_t)demo_surname_count)];

	snprintf(first, size, "%s", f);
	/* Some double names after marriage: "Müller-Şahin". */
	if (rng_below(r, 100) < 8) {
		const char *s2 = demo_surnames[rng_below(r, (uint32_t)demo_surname_count)];
		if (s2 != s) {
			snprintf(surname, size, "%s-%s", s, s2);
			return;
		}
	}
	snprintf(surname, size, "%s", s);
}

static enum kind kind_of(const struct plan *pl, int i)
{
	for (int k = K_LEAD; k < K_REGULAR; k++) {
		if (i < pl->count[k])
			return (enum kind)k;
		i -= pl->count[k];
	}
	return K_REGULAR;
}

static const unsigned kind_roles[] = {
	[K_LEAD] = ROLE_EMPLOYEE | ROLE_LEAD,
	[K_HR] = ROLE_EMPLOYEE | ROLE_HR,
	[K_FACILITIES] = ROLE_EMPLOYEE | ROLE_FACILITIES,
	[K_IT] = ROLE_EMPLOYEE | ROLE_ADMIN,
	[K_FUTURE] = ROLE_EMPLOYEE,
	[K_FORMER] = ROLE_EMPLOYEE,
	[K_NEW] = ROLE_EMPLOYEE,
	[K_REGULAR] = ROLE_EMPLOYEE,
};

/* One generated person: name, login, team, roles, dates; added, and for a
 * leaver given a last day. */
static enum hop_status add_one(struct hop_app *app, struct rng *r, const struct plan *pl,
                               struct demo_team *teams, struct login_set *set, int i,
                               hop_date today, struct hop_err *err)
{
	struct hop_person p;
	char first[HOP_NAME_MAX + 1], surname[HOP_NAME_MAX + 1];
	enum kind k = kind_of(pl, i);
	hop_date end = HOP_DATE_NONE;
	int t;

	memset(&p, 0, sizeof p);
	person_name(r, first, surname, sizeof first);
	if (make_login(set, first, surname, p.login, err) != HOP_OK)
		return err->status;
	snprintf(p.name, sizeof p.name, "%s %s", first, surname);
	snprintf(p.email, sizeof p.email, "%s@%s", p.login, app->cfg.mail_domain);

	switch (k) {
	case K_LEAD:        t = i; break;
	case K_HR:          t = pl->personal; break;
	case K_FACILITIES:  t = pl->inner; break;
	case K_IT:          t = pl->it; break;
	default:            t = pick_team(teams, pl->nteams, r); break;
	}
	snprintf(p.team, sizeof p.team, "%s", teams[t].name);
	p.roles = kind_roles[k];
	if (k == K_LEAD && t == pl->personal)
		p.roles |= ROLE_HR;     /* the head of personnel works in HR too */

	switch (k) {
	case K_LEAD:
		p.start = weekday_before(today - 3 * YEAR - (hop_date)rng_below(r, 22 * YEAR));
		break;
	case K_FUTURE:
		p.start = weekday_after(today + 7 + (hop_date)rng_below(r, 35));
		break;
	case K_FORMER:
		end = weekday_before(today - 14 - (hop_date)rng_below(r, 2 * YEAR));
		p.start = weekday_before(end - YEAR - (hop_date)rng_below(r, 15 * YEAR));
		break;
	case K_NEW:
		p.start = weekday_before(today - (hop_date)rng_below(r, 28));
		break;
	default:
		p.start = weekday_before(today - 29 - (hop_date)rng_below(r, 25 * YEAR - 29));
		break;
	}
	p.end = HOP_DATE_NONE;

	if (person_add(app, &p, err) != HOP_OK)
		return err->status;
	if (k == K_LEAD)
		snprintf(teams[t].lead, sizeof teams[t].lead, "%s", p.login);
	if (end != HOP_DATE_NONE) {
		struct person_edit e;
		memset(&e, 0, sizeof e);
		e.fields = PF_END;
		e.end = end;
		if (person_edit(app, p.login, &e, err) != HOP_OK)
			return err->status;
	}
	return HOP_OK;
}

/* The acting person comes first: only an admin may add teams and people, and
 * the audit log then names them as the demo's creator. */
static enum hop_status add_actor(struct hop_app *app, const char *name, struct hop_err *err)
{
	if (person_add_first_admin(app, name && *name ? name : app->actor.login, err) != HOP_OK ||
	    app_resolve_actor(app, err) != HOP_OK)
		return err->status;
	if (!app->actor.known)
		return hop_fail(err, HOP_EDB, _("the first admin '%s' was added but cannot be "
		                "found again"), app->actor.login);
	return HOP_OK;
}

/* Then into Innerer Dienst, with an e-mail address and a start date some years
 * back like everyone else. */
static enum hop_status place_actor(struct hop_app *app, const char *team, hop_date start,
                                   struct hop_err *err)
{
	struct person_edit e;

	memset(&e, 0, sizeof e);
	e.fields = PF_TEAM | PF_START | PF_EMAIL;
	snprintf(e.team, sizeof e.team, "%s", team);
	snprintf(e.email, sizeof e.email, "%s@%s", app->actor.login, app->cfg.mail_domain);
	e.start = start;
	if (person_edit(app, app->actor.login, &e, err) != HOP_OK)
		return err->status;
	return app_resolve_actor(app, err);
}

static enum hop_status generate(struct hop_app *app, int people, const char *admin_name,
                                struct rng *r, struct demo_team *teams,
                                struct login_set *set, struct hop_err *err)
{
	struct plan pl;
	hop_date today = clock_today();
	uint64_t seed = r->s;
	char detail[128];

	plan_make(&pl, people, r);
	team_names(teams, &pl, r);
	set_take(set, app->actor.login);

	if (add_actor(app, admin_name, err) != HOP_OK)
		return err->status;
	for (int i = 0; i < pl.nteams; i++)
		if (team_add(app, teams[i].name, NULL, err) != HOP_OK)
			return err->status;
	if (place_actor(app, teams[pl.inner].name,
	                weekday_before(today - 4 * YEAR - (hop_date)rng_below(r, 10 * YEAR)),
	                err) != HOP_OK)
		return err->status;
	for (int i = 0; i < people - 1; i++)
		if (add_one(app, r, &pl, teams, set, i, today, err) != HOP_OK)
			return err->status;
	for (int i = 0; i < pl.nteams; i++) {
		/* Only with a single person does a team lack a lead of its own. */
		const char *lead = teams[i].lead[0] ? teams[i].lead : app->actor.login;
		if (team_edit(app, teams[i].name, NULL, lead, err) != HOP_OK)
			return err->status;
	}
	if (demo_rotation(app, people, seed, err) != HOP_OK)
		return err->status;
	snprintf(detail, sizeof detail, "people=%d teams=%d seed=%llu", people, pl.nteams,
	         (unsigned long long)seed);
	if (audit_write(app, "demo.generate", "demo", detail, err) != HOP_OK ||
	    demo_places(app, people, seed, err) != HOP_OK)
		return err->status;
	if (demo_add_bookings(app, seed, NULL, err) != HOP_OK)
		return err->status;
	if (demo_onboarding(app, seed, err) != HOP_OK)
		return err->status;
	return demo_training(app, people, seed, err);
}

enum hop_status demo_generate(struct hop_app *app, const struct demo_options *opt,
                              struct hop_err *err)
{
	int people = opt && opt->people ? opt->people : DEMO_DEFAULT_PEOPLE;
	struct rng r = { opt && opt->seed ? opt->seed : DEMO_DEFAULT_SEED };
	struct login_set set = { NULL, 1 };
	struct demo_team *teams;
	enum hop_status st;

	if (people < 1 || people > DEMO_MAX_PEOPLE)
		return hop_fail(err, HOP_EINVAL, _("a demo organisation has between 1 and %d "
		                "people, not %d"), DEMO_MAX_PEOPLE, people);
	while (set.cap < 2 * (size_t)people + 2)
		set.cap <<= 1;
	set.v = calloc(set.cap, sizeof *set.v);
	teams = calloc((size_t)people, sizeof *teams);
	if (!set.v || !teams) {
		free(set.v);
		free(teams);
		return hop_fail(err, HOP_ENOMEM, _("out of memory"));
	}
	demo_bulk_setup(app, true);
	st = db_begin(app->db, err);
	if (st == HOP_OK) {
		st = generate(app, people, opt ? opt->admin_name : NULL, &r, teams, &set, err);
		if (st == HOP_OK)
			st = db_commit(app->db, err);
		else
			db_rollback(app->db);
	}
	demo_bulk_setup(app, false);
	free(set.v);
	free(teams);
	if (st != HOP_OK) {
		struct hop_err ignore;
		app_resolve_actor(app, &ignore);   /* the actor was rolled back too */
		hop_err_prefix(err, "%s", _("the demo organisation was not created: "));
	}
	return st;
}
