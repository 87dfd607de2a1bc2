package org.rollcall.dist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The artifacts this module's package phase built, found from the test's working directory (the
 * module).
 */
final class Built {
  static final String VERSION = System.getProperty("rollcall.version", "0.1.0");
  static final Path TARGET = Path.of("target").toAbsolutePath();

  private Built() {}

  static Path tarball() {
    return TARGET.resolve("rollcall-" + VERSION + ".tar.gz");
  }

  static Path deb() {
    return TARGET.resolve("rollcall_" + VERSION + "_all.deb");
  }

  /** The executables the build found registered in the jars. */
  static List<String> executables() throws IOException {
    return Files.readAllLines(TARGET.resolve("stage/rollcall-" + VERSION + "/lib/executables"));
  }

  /** The Nagios plugin names: check_rollcall_X for every X.monitor but the bridge from Nagios. */
  static List<String> nagiosNames() throws IOException {
    return executables().stream()
        .filter(name -> name.endsWith(".monitor") && !name.equals("nagios.monitor"))
        .map(name -> "check_rollcall_" + name.substring(0, name.length() - ".monitor".length()))
        .toList();
  }
}
