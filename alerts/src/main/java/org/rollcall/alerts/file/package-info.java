/**
 * file.alert ({@link org.rollcall.alerts.file.FileAlert}): appends mon's record of the alert to a
 * file, as mon's own file.alert does. Uses {@code org.rollcall.alerts} and {@code core}, no other
 * alert's package.
 */
package org.rollcall.alerts.file;
