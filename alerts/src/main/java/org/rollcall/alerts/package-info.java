/**
 * The mon alert executables, one class each, named after the executable: file.alert is {@link
 * org.rollcall.alerts.FileAlert}. Every alert reads mon's flags, stdin and MON_* variables the same way ({@link
 * org.rollcall.alerts.AlertOptions}, {@link org.rollcall.alerts.MonitorOutput}) and delivers through one
 * retry-then-fallback path, so an alert that cannot be delivered is never lost.
 */
package org.rollcall.alerts;
