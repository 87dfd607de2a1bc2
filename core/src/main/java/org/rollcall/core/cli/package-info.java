/**
 * The launcher every executable shares: option parsing with picocli, exit codes, the run's
 * deadline, error lines, and the single entry point {@link org.rollcall.core.cli.Main}.
 */
package org.rollcall.core.cli;
