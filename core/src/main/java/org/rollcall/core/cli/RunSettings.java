package org.rollcall.core.cli;

import java.time.Duration;
import org.rollcall.core.result.OutputMode;

/**
 * What the launcher needs from a parsed command line: the run's time budget, which contract to
 * speak (also for errors and timeouts), and whether to add stack traces.
 */
public record RunSettings(Duration timeout, OutputMode mode, boolean verbose) {}
