package org.rollcall.core.proc;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Fuzzes {@link StatusParser} against a reference reading: the first line starting with {@code
 * Uid:}, {@code Gid:} and {@code Groups:}, its IDs separated by spaces or tabs, each a decimal
 * number below 2^32; and of {@code CapEff:} and {@code CapAmb:}, one to sixteen hex digits. The
 * parser throws only {@link MalformedProcFileException} naming the file, and reads exactly those
 * values.
 */
class StatusParserFuzzTest {
  private static final Path FILE = Path.of("/proc/7/status");

  /** One target for both readings of a status: Jazzer fuzzes one method of a class at a time. */
  @FuzzTest(maxDuration = "10s")
  void parse(byte[] bytes) {
    credentials(bytes);
    capabilities(bytes);
  }

  private static void credentials(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    long[] uids = ids(text, "Uid:", 4);
    long[] gids = ids(text, "Gid:", 4);
    long[] groups = ids(text, "Groups:", -1);
    boolean wellFormed = uids != null && gids != null && groups != null;
    Credentials credentials;
    try {
      credentials = StatusParser.parse(bytes, bytes.length, FILE);
    } catch (MalformedProcFileException e) {
      assertThat(e).hasMessageStartingWith("malformed " + FILE + ": ");
      assertThat(wellFormed).as("rejected a well-formed status: " + e.getMessage()).isFalse();
      return;
    }
    assertThat(wellFormed).as("accepted a malformed status").isTrue();
    assertThat(unsigned(credentials.uids())).containsExactly(uids);
    assertThat(unsigned(credentials.gids())).containsExactly(gids);
    assertThat(unsigned(credentials.groups())).containsExactly(groups);
  }

  private static void capabilities(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    String effective = value(text, "CapEff:");
    String ambient = value(text, "CapAmb:");
    boolean wellFormed =
        effective == null || isMask(effective) && (ambient == null || isMask(ambient));
    Capabilities caps;
    try {
      caps = StatusParser.capabilities(bytes, bytes.length, FILE);
    } catch (MalformedProcFileException e) {
      assertThat(e).hasMessageStartingWith("malformed " + FILE + ": ");
      assertThat(wellFormed).as("rejected a well-formed status: " + e.getMessage()).isFalse();
      return;
    }
    assertThat(wellFormed).as("accepted a malformed mask").isTrue();
    if (effective == null) {
      assertThat(caps).isNull();
      return;
    }
    assertThat(caps.effective()).isEqualTo(Long.parseUnsignedLong(effective.strip(), 16));
    assertThat(caps.ambient())
        .isEqualTo(ambient == null ? 0 : Long.parseUnsignedLong(ambient.strip(), 16));
  }

  /** The rest of the first line starting with {@code key}, or null. */
  private static String value(String text, String key) {
    for (String line : text.split("\n", -1)) {
      if (line.startsWith(key)) {
        return line.substring(key.length());
      }
    }
    return null;
  }

  private static boolean isMask(String value) {
    return value.matches("[ \t]*[0-9a-fA-F]{1,16}");
  }

  /**
   * The IDs on the first line starting with {@code key}, or null when there is none or it is
   * malformed.
   */
  private static long[] ids(String text, String key, int expected) {
    for (String line : text.split("\n", -1)) {
      if (line.startsWith(key)) {
        String value = line.substring(key.length()).replaceAll("^[ \t]+|[ \t]+$", "");
        String[] words = value.isEmpty() ? new String[0] : value.split("[ \t]+");
        if (expected >= 0 && words.length != expected) {
          return null;
        }
        long[] ids = new long[words.length];
        for (int i = 0; i < words.length; i++) {
          if (!words[i].matches("[0-9]{1,10}") || Long.parseLong(words[i]) > 0xffffffffL) {
            return null;
          }
          ids[i] = Long.parseLong(words[i]);
        }
        return ids;
      }
    }
    return null;
  }

  private static long[] unsigned(int[] ids) {
    long[] values = new long[ids.length];
    for (int i = 0; i < ids.length; i++) {
      values[i] = Integer.toUnsignedLong(ids[i]);
    }
    return values;
  }
}
