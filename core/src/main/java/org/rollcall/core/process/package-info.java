/**
 * Running another program under a deadline, for every executable that does (nagios.monitor's
 * plugins, mail.alert's sendmail, restart.alert's command): what it is fed, what of its output is
 * kept, how it ended, and what is killed when.
 */
package org.rollcall.core.process;
