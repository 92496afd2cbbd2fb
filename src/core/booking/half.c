/* Half days as people read them: the morning, the afternoon, the whole day. */
#include "hop/core/booking/booking.h"
#include "hop/base/i18n.h"

const char *half_display(unsigned half)
{
	switch (half) {
	case HALF_AM: return _("AM");
	case HALF_PM: return _("PM");
	default: return "";
	}
}

const char *half_label(unsigned half)
{
	switch (half) {
	case HALF_AM: return _("AM");
	case HALF_PM: return _("PM");
	default: return _("all day");
	}
}
