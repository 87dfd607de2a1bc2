package org.rollcall.monitors.exclusion;

/**
 * One process a rule selected, with what the rule found, read while the process was there.
 *
 * @param offender the process
 * @param offence what it does wrong, in words ({@code holds group 0 without user 0})
 * @param group what a sysadmin acts on for it and others alike (a systemd service, an executable),
 *     or null
 */
record Breach(Offender offender, String offence, String group) {}
