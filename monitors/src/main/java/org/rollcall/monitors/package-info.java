/**
 * The monitor executables, a package each with the class named after the executable and its helpers
 * beside it: {@code ps} (ps.monitor), {@code discover} (ps.discover), {@code cpu} (cpu.monitor),
 * {@code exclusion} (exclusion.monitor), {@code nagios} (nagios.monitor) and {@code net}
 * (port.monitor, ssh.monitor). This package holds only what more than one of them uses ({@link
 * Version}, {@link PidList}, and for cpu.monitor's sample and ps.monitor's {@code --restarts} the
 * state between runs: {@link StateFile}, {@link StateText}, {@link ProcessKey}); each may use it
 * and {@code core}, never another monitor's package.
 */
package org.rollcall.monitors;
