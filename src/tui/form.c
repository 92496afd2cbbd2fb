/* A small form in a box over the screen (see form.h). */
#include <stdio.h>
#include <string.h>

#include "hop/base/i18n.h"
#include "colour.h"
#include "form.h"
#include "text.h"

void form_init(struct tui_form *fm, const char *title)
{
	memset(fm, 0, sizeof *fm);
	snprintf(fm->title, sizeof fm->title, "%s", title);
}

bool form_add(struct tui_form *fm, unsigned id, const char *label, const char *text,
              size_t max_bytes)
{
	struct form_field *f;

	if (fm->n >= FORM_MAX_FIELDS)
		return false;
	f = &fm->f[fm->n++];
	f->label = label;
	f->id = id;
	return input_init(&f->in, text, max_bytes);
}

bool form_add_choice(struct tui_form *fm, unsigned id, const char *label, const char *text,
                     size_t max_bytes, const char *const *choices, const char *const *values,
                     size_t n)
{
	bool ok = form_add(fm, id, label, text, max_bytes);

	if (fm->n > 0 && fm->f[fm->n - 1].id == id) {
		fm->f[fm->n - 1].choices = choices;
		fm->f[fm->n - 1].values = values;
		fm->f[fm->n - 1].nchoices = n;
	}
	return ok;
}

void form_done(struct tui_form *fm)
{
	if (fm->picking)
		pick_close(&fm->pick);
	fm->picking = false;
}

static const char *choice_value(const struct form_field *f, size_t i)
{
	return f->values ? f->values[i] : f->choices[i];
}

/* Open the chooser of the current field on the choice it holds, and give it
 * the key that opened it (the first letter typed). */
static enum form_result choose_open(struct tui_form *fm, const struct tui_key *k)
{
	struct form_field *f = &fm->f[fm->cur];
	char now[INPUT_MAX_CHARS * 4 + 1];
	size_t initial = 0;

	if (input_text(&f->in, now, sizeof now))
		for (size_t i = 0; i < f->nchoices; i++)
			if (strcmp(choice_value(f, i), now) == 0)
				initial = i;
	if (!pick_open(&fm->pick, f->label, f->choices, f->nchoices, initial))
		return FORM_CONTINUE;
	fm->picking = true;
	if (!k->fn && k->c > L' ' && k->c != 0x7f)
		pick_key(&fm->pick, k);
	return FORM_CONTINUE;
}

static enum form_result choose_key(struct tui_form *fm, const struct tui_key *k)
{
	struct form_field *f = &fm->f[fm->cur];
	size_t i;

	switch (pick_key(&fm->pick, k)) {
	case PICK_CHOSEN:
		i = pick_chosen(&fm->pick);
		if (i < f->nchoices)
			input_init(&f->in, choice_value(f, i), f->in.max_bytes);
		form_done(fm);
		break;
	case PICK_CANCEL:
		form_done(fm);
		break;
	case PICK_FULL:
	case PICK_CONTINUE:
		break;
	}
	return FORM_CONTINUE;
}

struct form_field *form_field(struct tui_form *fm, unsigned id)
{
	for (int i = 0; i < fm->n; i++)
		if (fm->f[i].id == id)
			return &fm->f[i];
	return NULL;
}

enum form_result form_key(struct tui_form *fm, const struct tui_key *k)
{
	const struct form_field *cur = &fm->f[fm->cur];

	if (fm->picking)
		return choose_key(fm, k);
	if (key_is(k, L'\t') || key_fn(k, KEY_DOWN)) {
		fm->cur = (fm->cur + 1) % fm->n;
		return FORM_CONTINUE;
	}
	if (key_fn(k, KEY_BTAB) || key_fn(k, KEY_UP)) {
		fm->cur = (fm->cur + fm->n - 1) % fm->n;
		return FORM_CONTINUE;
	}
	/* A field chosen from a list: Enter saves and Esc cancels as anywhere;
	 * typing (or deleting) opens the chooser, other keys do nothing. */
	if (cur->nchoices && !key_is(k, L'\r') && !key_is(k, L'\n') && !key_fn(k, KEY_ENTER) &&
	    !key_is(k, 27)) {
		if (key_fn(k, KEY_BACKSPACE) || key_fn(k, KEY_DC) || key_is(k, 0x7f) ||
		    key_is(k, 8) || (!k->fn && k->c >= L' '))
			return choose_open(fm, k);
		return FORM_CONTINUE;
	}
	switch (input_key(&fm->f[fm->cur].in, k)) {
	case INPUT_ENTER: return FORM_SUBMIT;
	case INPUT_ESCAPE: return FORM_CANCEL;
	case INPUT_FULL: return FORM_FULL;
	default: return FORM_CONTINUE;
	}
}

void form_draw(struct tui *t, struct tui_form *fm)
{
	const char *foot = fm->f[fm->cur].nchoices
	                   ? _("Type to choose   Enter save   Tab next field   Esc cancel")
	                   : _("Enter save   Tab next field   Esc cancel");
	int label_w = 0, width, height, top, left, field_x;

	for (int i = 0; i < fm->n; i++) {
		int lw = text_width(fm->f[i].label);
		label_w = lw > label_w ? lw : label_w;
	}
	width = t->cols - 4 < 72 ? t->cols - 4 : 72;
	height = fm->n + 4;
	if (height > t->body_rows)
		height = t->body_rows;
	top = t->body_top + (t->body_rows - height) / 2;
	left = (t->cols - width) / 2;
	field_x = left + 2 + label_w + 2;

	attrset(colour_attr(TC_HELP));
	tui_box(top, left, height, width);
	attron(A_BOLD);
	mvaddch(top, left + 2, ' ');
	text_draw(stdscr, top, left + 3, fm->title, width - 6);
	addch(' ');
	attroff(A_BOLD);

	t->cursor_y = t->cursor_x = -1;
	for (int i = 0; i < fm->n && 1 + i < height - 1; i++) {
		int y = top + 1 + i, cx;

		text_draw(stdscr, y, left + 2, fm->f[i].label, label_w);
		attrset(i == fm->cur ? colour_attr(TC_SELECTED) : colour_attr(TC_NORMAL));
		cx = input_draw(stdscr, &fm->f[i].in, y, field_x, left + width - 2 - field_x);
		attrset(colour_attr(TC_HELP));
		if (i == fm->cur) {
			t->cursor_y = y;
			t->cursor_x = cx;
		}
	}
	if (height >= fm->n + 4)
		text_draw(stdscr, top + height - 2, left + 2, foot, width - 4);
	attrset(A_NORMAL);
	if (fm->picking)
		pick_draw(t, &fm->pick);
}
