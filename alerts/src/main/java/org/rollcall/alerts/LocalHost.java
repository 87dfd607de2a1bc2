package org.rollcall.alerts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** This machine's name, as the kernel has it (no DNS lookup that could hang an alert). */
public final class LocalHost {
  private LocalHost() {}

  public static String name() {
    try {
      String name = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
      return name.isEmpty() ? "localhost" : name;
    } catch (IOException e) {
      return "localhost";
    }
  }
}
