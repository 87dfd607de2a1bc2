/**
 * port.monitor ({@link org.rollcall.monitors.net.PortMonitor}) and ssh.monitor ({@link
 * org.rollcall.monitors.net.SshMonitor}), and what they share: the host options, checking one
 * host's addresses with a probe, the probes themselves (TCP connect, TLS, send and expect, UDP, SSH
 * identification) and the per-host report. Uses {@code core} and {@code org.rollcall.monitors}, no
 * other monitor's package.
 */
package org.rollcall.monitors.net;
