/**
 * Reading processes from a proc filesystem rooted anywhere ({@link org.rollcall.core.proc.ProcFs}):
 * one parser per file ({@code stat}, {@code status} with its IDs and capability sets, {@code
 * cmdline}, {@code exe}, {@code attr/current}, {@code cgroup}, {@code maps}), each a pure function
 * with exact-value tests, and lazy per-process reads so a scan reads only what its rules need. The
 * files a process runs code from are compared with the files on disk now by {@code CodeOnDisk}.
 */
package org.rollcall.core.proc;
