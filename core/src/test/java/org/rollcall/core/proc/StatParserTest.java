package org.rollcall.core.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StatParserTest {
  private static final Path FILE = Path.of("/proc/42/stat");

  static byte[] sample(String name) throws IOException {
    try (InputStream in = StatParserTest.class.getResourceAsStream("/proc-samples/" + name)) {
      return in.readAllBytes();
    }
  }

  private static ProcStat parse(byte[] bytes) {
    return StatParser.parse(bytes, bytes.length, FILE);
  }

  private static ProcStat parse(String text) {
    return parse(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void parsesACapturedUserProcess() throws IOException {
    ProcStat stat = parse(sample("init.stat"));
    assertThat(stat)
        .isEqualTo(
            new ProcStat(1, "process_api", 'S', 0, 4194560, 42, 264, 13, 15, 43077632, 3163));
    assertThat(stat.isKernelThread()).isFalse();
    assertThat(stat.cpuTicks()).isEqualTo(306);
  }

  @Test
  void parsesACapturedKernelThreadAndAKworkerWithALongComm() throws IOException {
    ProcStat kthreadd = parse(sample("kthreadd.stat"));
    assertThat(kthreadd.pid()).isEqualTo(2);
    assertThat(kthreadd.comm()).isEqualTo("kthreadd");
    assertThat(kthreadd.isKernelThread()).isTrue();
    ProcStat kworker = parse(sample("kworker.stat"));
    assertThat(kworker.comm()).startsWith("kworker/0:0H").hasSizeGreaterThan(15);
    assertThat(kworker.isKernelThread()).isTrue();
    assertThat(kworker.ppid()).isEqualTo(2);
  }

  @Test
  void parsesACapturedZombie() throws IOException {
    ProcStat zombie = parse(sample("zombie.stat"));
    assertThat(zombie.state()).isEqualTo('Z');
    assertThat(zombie.isZombie()).isTrue();
    assertThat(zombie.vsize()).isZero();
    assertThat(zombie.comm()).isEqualTo("python3");
  }

  @Test
  void cutsAHostileCommAtTheLastParenthesis() throws IOException {
    // Captured from a process that wrote ") (x) S 1\n\xff" to its own /proc/self/comm.
    ProcStat stat = parse(sample("hostile.stat"));
    assertThat(stat.comm()).isEqualTo(") (x) S 1\n\uDCFF");
    assertThat(stat.state()).isEqualTo('S');
    assertThat(stat.ppid()).isEqualTo(8283);
    assertThat(stat.starttime()).isEqualTo(74907);
  }

  @Test
  void keepsSpacesAndParenthesesInsideComm() {
    ProcStat stat =
        parse("77 (a (b) c) ) R 5 77 77 0 -1 0 0 0 0 0 300 40 0 0 20 0 7 0 123456 9999 42 1 2 3\n");
    assertThat(stat.comm()).isEqualTo("a (b) c) ");
    assertThat(stat.state()).isEqualTo('R');
    assertThat(stat.ppid()).isEqualTo(5);
    assertThat(stat.utime()).isEqualTo(300);
    assertThat(stat.stime()).isEqualTo(40);
    assertThat(stat.threads()).isEqualTo(7);
    assertThat(stat.starttime()).isEqualTo(123456);
    assertThat(stat.vsize()).isEqualTo(9999);
    assertThat(stat.rss()).isEqualTo(42);
  }

  @Test
  void acceptsAnEmptyComm() {
    assertThat(parse("9 () S 1 1 1 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 5 0 0\n").comm()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "12 sshd S 1",
        "12 (sshd S 1 2 3",
        "12 (sshd) S 1 1 1 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 5\n",
        "12 (sshd) S x 1 1 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 5 0 0\n",
        "12 (sshd) SS 1 1 1 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 5 0 0\n",
        "1a2 (sshd) S 1 1 1 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 5 0 0\n"
      })
  void rejectsMalformedContentNamingTheFile(String text) {
    assertThatThrownBy(() -> parse(text))
        .isInstanceOf(MalformedProcFileException.class)
        .hasMessageStartingWith("malformed /proc/42/stat: ");
  }

  // Found by StatParserFuzzTest: the pid's digits were joined across spaces, and numbers wrapped
  // around.
  @Test
  void rejectsAPidWithASpaceInsideIt() {
    assertThatThrownBy(() -> parse("68   1()6 6 6 7 8 6 6 6 6 6 6 6 5 3 6 2 6 5 6 6 6 6"))
        .isInstanceOf(MalformedProcFileException.class)
        .hasMessage("malformed /proc/42/stat: the pid field is not a number");
    assertThat(parse(" 68 ()S 6 6 6 7 8 6 6 6 6 6 6 6 5 3 6 2 6 5 6 6 6 6").pid()).isEqualTo(68);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2147483648 (x) S 1 1 1 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 5 0 0\n/the pid field",
        "12 (x) S 4294967297 1 1 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 5 0 0\n/field 4",
        "12 (x) S 1 1 1 0 -1 0 0 0 0 0 18446744073709551916 0 0 0 20 0 1 0 5 0 0\n/field 14",
        "12 (x) S 1 1 1 0 -1 0 0 0 0 0 0 0 0 0 20 0 4294967297 0 5 0 0\n/field 20",
        "12 (x) S 1 1 1 0 -9223372036854775809 0 0 0 0 0 0 0 0 0 20 0 1 0 5 0 0\n/field 8"
      })
  void rejectsANumberTooLargeForItsFieldInsteadOfWrappingIt(String textAndField) {
    String[] parts = textAndField.split("/");
    assertThatThrownBy(() -> parse(parts[0]))
        .isInstanceOf(MalformedProcFileException.class)
        .hasMessage("malformed /proc/42/stat: " + parts[1] + " is out of range");
  }

  @Test
  void readsTheLargestNumbersThatFit() {
    ProcStat stat =
        parse(
            "2147483647 (x) S 2147483647 1 1 0 -9223372036854775808 9223372036854775807 0 0 0 0 "
                + "9223372036854775807 0 0 0 20 0 2147483647 0 5 0 0\n");
    assertThat(stat.pid()).isEqualTo(Integer.MAX_VALUE);
    assertThat(stat.ppid()).isEqualTo(Integer.MAX_VALUE);
    assertThat(stat.flags()).isEqualTo(Long.MAX_VALUE);
    assertThat(stat.utime()).isEqualTo(Long.MAX_VALUE);
    assertThat(stat.threads()).isEqualTo(Integer.MAX_VALUE);
  }
}
