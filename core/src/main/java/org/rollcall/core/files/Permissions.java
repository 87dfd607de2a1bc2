package org.rollcall.core.files;

import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The permissions a file or directory is created with, written as {@code ls} shows them ({@code
 * rw-------}). Unlike {@code PosixFilePermissions.fromString} it builds no {@code EnumSet}, whose
 * first use in a run looks the enum's constants up by reflection, which on JDK 25 spins method
 * handles at start-up (about 40 classes for cpu.monitor's plain run).
 */
public final class Permissions implements FileAttribute<Set<PosixFilePermission>> {
  private final Set<PosixFilePermission> permissions;

  private Permissions(Set<PosixFilePermission> permissions) {
    this.permissions = permissions;
  }

  /**
   * {@code rwx}: nine characters, each '-' or the letter that grants its bit, as {@code ls -l}
   * prints them.
   */
  public static Permissions of(String rwx) {
    PosixFilePermission[] bits =
        PosixFilePermission.values(); // OWNER_READ ... OTHERS_EXECUTE, in ls's order
    if (rwx.length() != bits.length) {
      throw new IllegalArgumentException("not nine permission characters: " + rwx);
    }
    List<PosixFilePermission> granted = new ArrayList<>(bits.length);
    for (int i = 0; i < bits.length; i++) {
      char c = rwx.charAt(i);
      if (c == "rwx".charAt(i % 3)) {
        granted.add(bits[i]);
      } else if (c != '-') {
        throw new IllegalArgumentException("'" + c + "' at " + (i + 1) + " of " + rwx);
      }
    }
    return new Permissions(Set.copyOf(granted));
  }

  @Override
  public String name() {
    return "posix:permissions";
  }

  @Override
  public Set<PosixFilePermission> value() {
    return permissions;
  }
}
