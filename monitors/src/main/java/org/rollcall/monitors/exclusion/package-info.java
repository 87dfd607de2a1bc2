/**
 * exclusion.monitor ({@link org.rollcall.monitors.exclusion.ExclusionMonitor}): processes whose
 * existence is a finding (group 0 kept, the wrong SELinux domain, code an upgrade replaced still
 * running, capabilities kept without root's user), one {@code Judge} per kind of rule, with their
 * allowances and the report. Uses {@code core} and {@code org.rollcall.monitors}, no other
 * monitor's package.
 */
package org.rollcall.monitors.exclusion;
