/**
 * ps.monitor ({@link org.rollcall.monitors.ps.PsMonitor}): counts the processes each rule matches
 * and reports each count against its range. Uses {@code core} and {@code org.rollcall.monitors}, no
 * other monitor's package.
 */
package org.rollcall.monitors.ps;
