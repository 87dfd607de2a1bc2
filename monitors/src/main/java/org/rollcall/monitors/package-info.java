/**
 * The mon monitor executables, one class each, named after the executable: ps.monitor is {@link PsMonitor},
 * exclusion.monitor {@link ExclusionMonitor}, cpu.monitor {@link CpuMonitor}; the package-private classes beside
 * them evaluate and report for one monitor each.
 */
package org.rollcall.monitors;
