package org.rollcall.monitors;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The golden cases in a directory: every {@code CASE.args} with its {@code CASE.out} and {@code
 * CASE.exit}.
 */
public final class GoldenCases {
  private GoldenCases() {}

  public static Stream<String> in(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".args"))
          .map(n -> n.substring(0, n.length() - ".args".length()))
          .sorted()
          .toList()
          .stream();
    }
  }
}
