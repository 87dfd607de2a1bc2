/**
 * restart.alert ({@link org.rollcall.alerts.restart.RestartAlert}): restarts the failed service, at
 * most so many times within a window kept in a ledger. Uses {@code org.rollcall.alerts} and {@code
 * core}, no other alert's package.
 */
package org.rollcall.alerts.restart;
