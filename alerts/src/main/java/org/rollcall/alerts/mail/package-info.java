/**
 * mail.alert ({@link org.rollcall.alerts.mail.MailAlert}): the message by SMTP (with STARTTLS and
 * AUTH) or through a local sendmail. Uses {@code org.rollcall.alerts} and {@code core}, no other
 * alert's package.
 */
package org.rollcall.alerts.mail;
