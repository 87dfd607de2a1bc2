/**
 * What every alert executable shares: mon's flags, stdin and MON_* variables read the same way
 * ({@link org.rollcall.alerts.AlertOptions}, {@link org.rollcall.alerts.MonitorOutput}), one
 * retry-then-fallback path ({@link org.rollcall.alerts.ReliableSender}, {@link
 * org.rollcall.alerts.Fallback}) so an alert that cannot be delivered is never lost, durable
 * records ({@link org.rollcall.alerts.LockedAppend}), the message text mail and XMPP send, secrets,
 * syslog and bounded child processes. Each executable has a package of its own below this one
 * ({@code file}, {@code mail}, {@code restart}, {@code syslog}, {@code webhook}, {@code xmpp}),
 * which uses this package and {@code core}, never another alert's package.
 */
package org.rollcall.alerts;
