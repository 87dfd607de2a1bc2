package org.rollcall.dist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The JDKs installed in /usr/lib/jvm, as the package's postinst finds them. */
final class Jdks {
  private Jdks() {}

  static List<Path> installed() {
    try (Stream<Path> dirs = Files.list(Path.of("/usr/lib/jvm"))) {
      return dirs.filter(
              d ->
                  !Files.isSymbolicLink(d)
                      && Files.isExecutable(d.resolve("bin/java"))
                      && Files.isRegularFile(d.resolve("release")))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The feature release (17, 25) from the JDK's release file. */
  static int feature(Path jdk) {
    try {
      return Files.readAllLines(jdk.resolve("release")).stream()
          .filter(l -> l.startsWith("JAVA_VERSION="))
          .map(l -> l.replaceAll("^JAVA_VERSION=\"?(\\d+).*", "$1"))
          .mapToInt(Integer::parseInt)
          .findFirst()
          .orElse(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
