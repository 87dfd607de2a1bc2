/**
 * procs.monitor ({@link org.rollcall.monitors.procs.ProcsMonitor}, check_rollcall_procs under
 * Nagios): check_procs' command line, read as one ps.monitor MATCH and counted by {@code core}'s
 * rule counter. Uses {@code core} and {@code org.rollcall.monitors}, no other monitor's package.
 */
package org.rollcall.monitors.procs;
