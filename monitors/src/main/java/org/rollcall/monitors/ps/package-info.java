/**
 * ps.monitor ({@link org.rollcall.monitors.ps.PsMonitor}): counts the processes each rule matches
 * and reports each count against its range; with {@code --restarts} also which rules' daemons
 * restarted since its previous run ({@link org.rollcall.monitors.ps.RestartWatch}). Uses {@code
 * core} and {@code org.rollcall.monitors}, no other monitor's package.
 */
package org.rollcall.monitors.ps;
