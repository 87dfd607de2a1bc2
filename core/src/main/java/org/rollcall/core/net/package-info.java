/**
 * Network pieces every network monitor shares: resolving a host to the addresses to check, checking many hosts in
 * parallel under one deadline, reading from a peer with a deadline and a byte limit, turning a peer's bytes into a
 * short preview, and parsing the escapes a user writes for bytes to send.
 */
package org.rollcall.core.net;
