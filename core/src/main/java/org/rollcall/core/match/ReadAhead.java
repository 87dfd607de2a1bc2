package org.rollcall.core.match;

/**
 * The file a term reads of every process it tests that a scan can read for all of them beforehand
 * (see {@code RuleCounter.scanFor}).
 */
enum ReadAhead {
  /** Nothing a scan reads ahead: the name, which every scan gives, or a file read only here. */
  NOTHING,
  /** The stat ({@code ppid=}, {@code state=}, {@code age<}...). */
  STAT,
  /** The credentials from status ({@code user=}, {@code group=}). */
  CREDENTIALS
}
