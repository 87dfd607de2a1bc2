/**
 * Real peers on loopback for the network monitors' tests: misbehaving TCP servers, a TLS server
 * with a short-lived self-signed certificate, UDP echo and silent sockets, a real sshd, and a
 * runner for commands.
 */
package org.rollcall.monitors.peers;
