package org.rollcall.core.proc;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.rollcall.core.text.SafeText;

/**
 * Fuzzes {@link StatParser} against a slow reference reading of proc(5)'s layout: the parser either
 * throws {@link MalformedProcFileException} naming the file, or returns exactly the fields the
 * reference reads, with comm cut at the first {@code (} and the LAST {@code )}. No number may wrap
 * around.
 */
class StatParserFuzzTest {
  private static final Path FILE = Path.of("/proc/42/stat");
  private static final Pattern PID = Pattern.compile(" *([0-9]+) *");
  private static final Pattern NUMBER = Pattern.compile("-?[0-9]+");
  private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
  private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  @FuzzTest(maxDuration = "10s")
  void parse(byte[] bytes) {
    String reason = referenceProblem(bytes);
    ProcStat stat;
    try {
      stat = StatParser.parse(bytes, bytes.length, FILE);
    } catch (MalformedProcFileException e) {
      assertThat(e).hasMessageStartingWith("malformed " + FILE + ": ");
      assertThat(reason).as("rejected a well-formed stat: " + e.getMessage()).isNotNull();
      return;
    }
    assertThat(reason).as("accepted a malformed stat").isNull();
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    int open = text.indexOf('(');
    int close = text.lastIndexOf(')');
    assertThat(stat.comm()).isEqualTo(SafeText.decode(bytes, open + 1, close - open - 1));
    String[] fields = fieldsAfterComm(text, close);
    assertThat(BigInteger.valueOf(stat.pid())).isEqualTo(pid(text.substring(0, open)));
    assertThat(stat.state()).isEqualTo(fields[0].charAt(0));
    long[] parsed = {
      stat.ppid(),
      stat.flags(),
      stat.utime(),
      stat.stime(),
      stat.threads(),
      stat.starttime(),
      stat.vsize(),
      stat.rss()
    };
    int[] fieldNumbers = {4, 9, 14, 15, 20, 22, 23, 24};
    for (int i = 0; i < parsed.length; i++) {
      assertThat(BigInteger.valueOf(parsed[i]))
          .as("field " + fieldNumbers[i])
          .isEqualTo(new BigInteger(fields[fieldNumbers[i] - 3]));
    }
  }

  /** Why the reference reading finds {@code bytes} malformed, or null when it is well formed. */
  private static String referenceProblem(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    int open = text.indexOf('(');
    int close = text.lastIndexOf(')');
    if (open < 0 || close < open) {
      return "no (comm)";
    }
    BigInteger pid = pid(text.substring(0, open));
    if (pid == null || pid.compareTo(INT_MAX) > 0) {
      return "pid";
    }
    String[] fields = fieldsAfterComm(text, close);
    if (fields.length < 22 || fields[0].length() != 1) {
      return "fields";
    }
    for (int field = 4; field <= 24; field++) {
      String word = fields[field - 3];
      if (!NUMBER.matcher(word).matches()) {
        return "field " + field;
      }
      BigInteger value = new BigInteger(word);
      boolean isInt = field == 4 || field == 20;
      if (value.compareTo(isInt ? INT_MIN : LONG_MIN) < 0
          || value.compareTo(isInt ? INT_MAX : LONG_MAX) > 0) {
        return "field " + field + " out of range";
      }
    }
    return null;
  }

  private static BigInteger pid(String beforeComm) {
    var m = PID.matcher(beforeComm);
    return m.matches() ? new BigInteger(m.group(1)) : null;
  }

  /** Fields 3 and on: words separated by spaces, up to the end of the line. */
  private static String[] fieldsAfterComm(String text, int close) {
    String rest = text.substring(close + 1);
    int newline = rest.indexOf('\n');
    String line = (newline < 0 ? rest : rest.substring(0, newline)).replaceFirst("^ +", "");
    return line.isEmpty() ? new String[0] : line.split(" +");
  }
}
