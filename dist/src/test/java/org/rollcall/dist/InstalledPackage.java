package org.rollcall.dist;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end tests that need the built .deb installed: installed before the class, purged after it.
 */
abstract class InstalledPackage {
  @TempDir static Path dir;

  @BeforeAll
  static void install() {
    Dpkg.assumeInstallable();
    Dpkg.install();
  }

  @AfterAll
  static void purge() {
    if (Dpkg.installed("rollcall")) {
      Dpkg.purge();
    }
  }
}
