/* Shared by the session and enrolment commands (cmd_session.c,
 * cmd_session_show.c, cmd_enrol.c). */
#ifndef HOP_CMD_SESSION_H
#define HOP_CMD_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "hop/cli/cli.h"
#include "hop/core/training/session.h"

/* A session id operand: true, or false after printing the usage error
 * (*rc its exit status). */
bool ses_id_arg(const char *name, const char *sub, const char *text, int64_t *id, int *rc);
/* "Mi 03.02.2027 09:00–16:00" or across days "Mi 03.02.2027 09:00 – Do 04.02.2027 12:00". */
char *ses_when(const struct trn_session *s, char *buf, size_t size);
/* The place for people: "R3.01 (Kreativraum Spree), Hauptgebäude", the link, the text. */
char *ses_place(const struct trn_session *s, char *buf, size_t size);
/* What an enrolment change did, in sentences on stdout; warnings on stderr. */
void enrol_say(const struct enrol_result *r, int64_t session_id, bool self);

#endif
