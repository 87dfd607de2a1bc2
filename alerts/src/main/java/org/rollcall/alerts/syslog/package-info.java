/**
 * syslog.alert ({@link org.rollcall.alerts.syslog.SyslogAlert}): one syslog record per alert. Uses
 * {@code org.rollcall.alerts} and {@code core}, no other alert's package.
 */
package org.rollcall.alerts.syslog;
