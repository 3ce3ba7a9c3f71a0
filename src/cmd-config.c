/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `pmdrill config`: read and set the settings kept in the database. */
#include "cmd.h"

#include <string.h>
#include <sysexits.h>

#include "opt.h"
#include "sb.h"
#include "store.h"

static const struct cmd_grammar config_grammar = {"config", "", 2,
						  "too many arguments"};

int cmd_config(int argc, char **argv, struct app *app)
{
	struct store *st = NULL;
	struct sb err = SB_INIT, v = SB_INIT;
	const char *key, *value;
	int i, rc, status;
	struct cmd_args a;

	if (cmd_parse(&a, argc, argv, &config_grammar, &status))
		return status;
	key = a.noperands > 0 ? a.operand[0] : NULL;
	value = a.noperands > 1 ? a.operand[1] : NULL;
	/* Check before opening, so a typo never creates a database. */
	if (key && value && (rc = store_check_setting(key, value, &err))) {
		fprintf(stderr, "pmdrill: config: %s\n", err.buf);
		status = EX_USAGE;
		goto out;
	}
	if (key && !value && (rc = store_check_setting(key, "0", &err)) &&
	    strstr(err.buf, "unknown setting")) {
		fprintf(stderr, "pmdrill: config: %s\n", err.buf);
		status = EX_USAGE;
		goto out;
	}
	sb_reset(&err);

	if ((status = cmd_open_store(
		     app, value ? STORE_OPEN_CREATE : STORE_OPEN_READ, &st)))
		goto out;
	/* No database yet: the defaults are what applies. */
	if (!st &&
	    (rc = store_open(&st, ":memory:", STORE_OPEN_CREATE, &err))) {
		status = cmd_store_error(rc, &err);
		goto out;
	}
	store_set_now(st, (long long)app->now);
	if (value) {
		if ((rc = store_set_setting(st, key, value, &err))) {
			fprintf(stderr, "pmdrill: config: %s\n", err.buf);
			status = rc == STORE_EINVAL ? EX_USAGE
						    : store_exit_code(rc);
			goto out;
		}
		if ((rc = store_get_setting(st, key, &v, &err)))
			goto fail;
		printf("%s = %s\n", key, v.buf);
	} else if (key) {
		if ((rc = store_get_setting(st, key, &v, &err)))
			goto fail;
		printf("%s\n", v.buf);
	} else {
		for (i = 0; store_setting_keys[i]; i++) {
			if ((rc = store_get_setting(st, store_setting_keys[i],
						    &v, &err)))
				goto fail;
			printf("%s = %s\n", store_setting_keys[i], v.buf);
		}
	}
	status = fflush(stdout) ? EX_IOERR : EX_OK;
	goto out;
fail:
	fprintf(stderr, "pmdrill: config: %s\n", err.buf);
	status = store_exit_code(rc);
out:
	store_close(st);
	sb_release(&err);
	sb_release(&v);
	return status;
}
