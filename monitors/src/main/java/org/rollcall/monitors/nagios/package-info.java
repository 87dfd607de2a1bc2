/**
 * nagios.monitor ({@link org.rollcall.monitors.nagios.NagiosMonitor}): runs a Nagios plugin in a
 * process group of its own and turns its exit and output into mon's contract. Uses {@code core} and
 * {@code org.rollcall.monitors}, no other monitor's package.
 */
package org.rollcall.monitors.nagios;
