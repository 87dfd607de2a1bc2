/**
 * webhook.alert ({@link org.rollcall.alerts.webhook.WebhookAlert}): a JSON payload POSTed over
 * HTTP(S). Uses {@code org.rollcall.alerts} and {@code core}, no other alert's package.
 */
package org.rollcall.alerts.webhook;
