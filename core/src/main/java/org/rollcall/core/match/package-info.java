/**
 * Which processes a rule means and how many of them run: MATCH terms ({@code NAME}, {@code /path},
 * {@code user=}, {@code group=}, {@code context=}, {@code args=}, {@code ppid=}, negated with
 * {@code !}), rules {@code MATCH:MIN-MAX}, three-valued verdicts for fields that cannot be read,
 * and counting over a scan.
 */
package org.rollcall.core.match;
