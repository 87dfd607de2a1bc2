/**
 * ps.discover ({@link org.rollcall.monitors.discover.PsDiscover}): reads what runs now and proposes
 * ps.monitor rules (and an exclusion.monitor line) that hold now, each checked against the same
 * scan with core's {@code RuleCounter} before it is printed. Uses {@code core} and {@code
 * org.rollcall.monitors}, no other monitor's package.
 */
package org.rollcall.monitors.discover;
