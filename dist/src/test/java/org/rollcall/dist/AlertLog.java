package org.rollcall.dist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The file file.alert appends to: one header line per alert, then the monitor's output and a line
 * ".".
 */
record AlertLog(Path file) {
  List<String> lines() throws IOException {
    return Files.exists(file) ? Files.readAllLines(file) : List.of();
  }

  /**
   * Waits up to {@code limit} for a header line after the first {@code skip} lines that {@code
   * wanted} accepts.
   */
  Optional<String> await(int skip, Predicate<String> wanted, Duration limit)
      throws IOException, InterruptedException {
    long end = System.nanoTime() + limit.toNanos();
    while (true) {
      Optional<String> found = lines().stream().skip(skip).filter(wanted).findFirst();
      if (found.isPresent() || System.nanoTime() > end) {
        return found;
      }
      Thread.sleep(50);
    }
  }
}
