package org.rollcall.core.proc;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rollcall.core.text.SafeText;

/**
 * Fuzzes {@link MapsParser} against a reference reading by regular expression: lines of five
 * space-separated words and a path, a four-letter permission word, a {@code MAJOR:MINOR} device of
 * hex digits and a decimal inode. The parser throws only {@link MalformedProcFileException} naming
 * the file, and keeps exactly the executable files on disk the reference keeps, each once.
 */
class MapsParserFuzzTest {
  private static final String FILE = "/proc/7/maps";
  private static final Pattern LINE =
      Pattern.compile("([^ ]+) +([^ ]+) +([^ ]+) +([^ ]+) +([^ ]+) *(.*)", Pattern.DOTALL);
  private static final Pattern DEVICE = Pattern.compile("([0-9a-fA-F]{1,8}):([0-9a-fA-F]{1,8})");
  private static final BigInteger MAX_INODE = BigInteger.valueOf(Long.MAX_VALUE);

  @FuzzTest(maxDuration = "10s")
  void executableFiles(byte[] bytes) {
    List<String> expected = reference(bytes);
    List<MappedFile> files;
    try {
      files = MapsParser.executableFiles(bytes, bytes.length, FILE);
    } catch (MalformedProcFileException e) {
      assertThat(e).hasMessageStartingWith("malformed " + FILE + ": line ");
      assertThat(expected).as("rejected well-formed maps: " + e.getMessage()).isNull();
      return;
    }
    assertThat(expected).as("accepted malformed maps").isNotNull();
    List<String> shown = new ArrayList<>();
    for (MappedFile f : files) {
      shown.add(f.path() + "|" + f.deleted() + "|" + f.major() + ":" + f.minor() + "|" + f.inode());
    }
    assertThat(shown).containsExactlyElementsOf(expected);
  }

  /**
   * The files the reference keeps, as {@code PATH|DELETED|MAJOR:MINOR|INODE}; null if malformed.
   */
  private static List<String> reference(byte[] bytes) {
    List<String> kept = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= bytes.length; i++) {
      if (i < bytes.length && bytes[i] != '\n') {
        continue;
      }
      if (i == bytes.length && start == bytes.length) {
        break;
      }
      byte[] line = Arrays.copyOfRange(bytes, start, i);
      start = i + 1;
      Matcher m = LINE.matcher(new String(line, StandardCharsets.ISO_8859_1));
      if (!m.matches() || m.group(2).length() != 4) {
        return null;
      }
      Matcher dev = DEVICE.matcher(m.group(4));
      if (!dev.matches()
          || !m.group(5).matches("[0-9]{1,19}")
          || new BigInteger(m.group(5)).compareTo(MAX_INODE) > 0) {
        return null;
      }
      String path = SafeText.decode(line, line.length - m.group(6).length(), m.group(6).length());
      if (m.group(2).charAt(2) == 'x' && !m.group(5).matches("0+") && path.startsWith("/")) {
        boolean deleted = path.endsWith(" (deleted)");
        String name = deleted ? path.substring(0, path.length() - 10) : path;
        String entry =
            name
                + "|"
                + deleted
                + "|"
                + Long.parseLong(dev.group(1), 16)
                + ":"
                + Long.parseLong(dev.group(2), 16)
                + "|"
                + Long.parseLong(m.group(5));
        if (MapsParser.isOnDisk(name) && !kept.contains(entry)) {
          kept.add(entry);
        }
      }
    }
    return kept;
  }
}
