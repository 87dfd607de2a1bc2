package org.rollcall.core.ids;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.rollcall.core.text.Ascii;
import org.rollcall.core.text.FileText;

/** Names from passwd(5) and group(5) files: {@code name:password:ID:...}, one entry per line. */
public final class EtcFilesUserDirectory implements UserDirectory {
  private final Path passwd;
  private final Path group;

  public EtcFilesUserDirectory(Path passwd, Path group) {
    this.passwd = passwd;
    this.group = group;
  }

  @Override
  public OptionalInt uid(String userName) {
    return idOf(passwd, userName);
  }

  @Override
  public OptionalInt gid(String groupName) {
    return idOf(group, groupName);
  }

  @Override
  public Optional<String> userName(int uid) {
    return nameOf(passwd, uid);
  }

  @Override
  public Optional<String> groupName(int gid) {
    return nameOf(group, gid);
  }

  private static OptionalInt idOf(Path file, String name) {
    for (String[] entry : entries(file)) {
      if (entry[0].equals(name)) {
        return OptionalInt.of(Integer.parseUnsignedInt(entry[2]));
      }
    }
    return OptionalInt.empty();
  }

  private static Optional<String> nameOf(Path file, int id) {
    String wanted = Integer.toUnsignedString(id);
    for (String[] entry : entries(file)) {
      if (entry[2].equals(wanted)) {
        return Optional.of(entry[0]);
      }
    }
    return Optional.empty();
  }

  private static List<String[]> entries(Path file) {
    try {
      List<String[]> entries = new ArrayList<>();
      for (String line : FileText.read(file, StandardCharsets.UTF_8).split("\n")) {
        String[] fields = line.split(":", -1);
        if (fields.length >= 3 && Ascii.isDigits(fields[2], 1, 10)) {
          entries.add(fields);
        }
      }
      return entries;
    } catch (IOException e) {
      return List.of();
    }
  }
}
