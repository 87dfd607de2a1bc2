/**
 * What port.monitor and ssh.monitor share: the host options, checking one host's addresses with a probe, the
 * probes themselves (TCP connect, TLS, send and expect, UDP, SSH identification) and the per-host report.
 */
package org.rollcall.monitors.net;
