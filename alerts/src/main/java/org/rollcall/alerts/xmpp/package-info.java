/**
 * xmpp.alert ({@link org.rollcall.alerts.xmpp.XmppAlert}): the message to XMPP recipients. Uses
 * {@code org.rollcall.alerts} and {@code core}, no other alert's package.
 */
package org.rollcall.alerts.xmpp;
