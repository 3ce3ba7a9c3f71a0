# SPDX-License-Identifier: GPL-3.0-or-later
# Helpers for the tests/pty/*.exp scripts: sourced, not run.  tests/run.sh
# has set a hermetic HOME, XDG folders, PMDRILL_DB, PMDRILL_NOW, NO_COLOR,
# LC_ALL=C, INPUTRC=/dev/null and WORK; PMDRILL_BIN is the binary.
set timeout 10
log_user 1
set ROOT [file normalize [file join [file dirname [info script]] .. ..]]
set PM $env(PMDRILL_BIN)
set BANK [file join $ROOT tests data drill]
set DB $env(PMDRILL_DB)
set env(TERM) xterm
set env(COLUMNS) 100
set env(VISUAL) ""
set env(EDITOR) ""
# 100 columns, so prompts and reports wrap the same way everywhere.
set stty_init "cols 100 rows 40"

proc fail {msg} {
	puts stderr "\nFAIL: $msg"
	exit 1
}

# Spawn a program; from then on any wait that runs out, or the program
# ending too soon, fails the test.
proc start {args} {
	global spawn_id
	uplevel 1 [list spawn {*}$args]
	expect_after {
		-i $spawn_id timeout { fail "timed out waiting for output" }
		-i $spawn_id eof { fail "the program ended too soon" }
	}
}

# A freshly drawn answer prompt: "[MM:SS] > " (the live timer's redraws
# rewrite only the digits, so they never match the opening bracket).
set ANSWER {\[[0-9][0-9]:[0-9][0-9]!?\] > }

# Run SQL on the test database; returns its output.
proc sql {q} {
	global DB
	return [exec sqlite3 $DB $q]
}

proc check {what got want} {
	if {$got ne $want} {
		fail "$what: got '$got', want '$want'"
	}
}

# Wait for the spawned pmdrill to end; return its exit status.
proc wait_exit {} {
	global spawn_id
	expect_after -i $spawn_id
	expect eof
	set r [wait]
	return [lindex $r 3]
}
