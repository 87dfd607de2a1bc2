package org.rollcall.alerts;

import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.rollcall.core.text.Ascii;

/** File permissions written as chmod takes them. */
final class PosixModes {
  private PosixModes() {}

  /** "0644" for rw-r--r--. */
  static String octal(Set<PosixFilePermission> permissions) {
    int mode = 0;
    for (PosixFilePermission permission : permissions) {
      mode |= 0400 >> permission.ordinal();
    }
    return Ascii.padded(mode, 8, 4);
  }
}
