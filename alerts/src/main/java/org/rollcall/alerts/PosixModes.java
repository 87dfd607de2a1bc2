package org.rollcall.alerts;

import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/** File permissions written as chmod takes them. */
final class PosixModes {
  private PosixModes() {}

  /** "0644" for rw-r--r--. */
  static String octal(Set<PosixFilePermission> permissions) {
    int mode = 0;
    for (PosixFilePermission permission : permissions) {
      mode |= 0400 >> permission.ordinal();
    }
    return String.format("%04o", mode);
  }
}
