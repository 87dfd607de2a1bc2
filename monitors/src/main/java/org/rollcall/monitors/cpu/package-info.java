/**
 * cpu.monitor ({@link org.rollcall.monitors.cpu.CpuMonitor}): CPU use per process over a window (a
 * sample taken now, or kept in a state file since the last run), limits, exemptions and the report.
 * Uses {@code core} and {@code org.rollcall.monitors}, no other monitor's package.
 */
package org.rollcall.monitors.cpu;
