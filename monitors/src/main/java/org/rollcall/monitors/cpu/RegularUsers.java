package org.rollcall.monitors.cpu;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.rollcall.core.text.Ascii;
import org.rollcall.core.text.FileText;

/**
 * The UIDs of regular (login) users, {@code UID_MIN..UID_MAX} from login.defs(5) (1000..60000 when
 * absent), the range useradd(8) gives out. nobody (65534) and system accounts fall outside it: a
 * daemon that spins is not a user compressing a file.
 */
record RegularUsers(long min, long max) {
  static final RegularUsers DEBIAN_DEFAULT = new RegularUsers(1000, 60000);

  static RegularUsers fromLoginDefs(Path file) {
    String text;
    try {
      text = FileText.read(file, StandardCharsets.ISO_8859_1);
    } catch (FileNotFoundException e) {
      if (Files.exists(file)) {
        throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
      }
      return DEBIAN_DEFAULT;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return new RegularUsers(
        setting(text, "UID_MIN", DEBIAN_DEFAULT.min), setting(text, "UID_MAX", DEBIAN_DEFAULT.max));
  }

  boolean contains(int uid) {
    long id = Integer.toUnsignedLong(uid);
    return id >= min && id <= max;
  }

  /** The last "NAME VALUE" line for {@code name}; comments start with #. */
  private static long setting(String text, String name, long fallback) {
    long value = fallback;
    for (String line : text.split("\n")) {
      List<String> words = Ascii.words(line.trim());
      if (words.size() >= 2 && words.get(0).equals(name)) {
        try {
          value = Long.parseLong(words.get(1));
        } catch (NumberFormatException e) {
          value = fallback;
        }
      }
    }
    return value;
  }
}
