/**
 * Reading processes from a proc filesystem rooted anywhere ({@link org.rollcall.core.proc.ProcFs}):
 * one parser per file ({@code stat}, {@code status}, {@code cmdline}, {@code exe}, {@code
 * attr/current}), each a pure function with exact-value tests, and lazy per-process reads so a scan
 * reads only what its rules need.
 */
package org.rollcall.core.proc;
