/** The mon monitor executables, one class each, named after the executable: ps.monitor is {@link PsMonitor}. */
package org.rollcall.monitors;
