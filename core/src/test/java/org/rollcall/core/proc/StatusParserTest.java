package org.rollcall.core.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StatusParserTest {
  private static final Path FILE = Path.of("/proc/7/status");

  private static Credentials parse(byte[] bytes) {
    return StatusParser.parse(bytes, bytes.length, FILE);
  }

  private static Credentials parse(String text) {
    return parse(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void parsesACapturedStatusWithNoGroups() throws IOException {
    Credentials c = parse(StatParserTest.sample("init.status"));
    assertThat(c.uids()).containsExactly(0, 0, 0, 0);
    assertThat(c.gids()).containsExactly(0, 0, 0, 0);
    assertThat(c.groups()).isEmpty();
  }

  @Test
  void parsesAllFourIdsAndSupplementaryGroups() {
    Credentials c =
        parse(
            "Name:\tx\nUid:\t1000\t65534\t0\t65534\nGid:\t0\t100\t100\t4294967294\n"
                + "Groups:\t4 24 27 \nVmPeak:\t1 kB\n");
    assertThat(c.uids()).containsExactly(1000, 65534, 0, 65534);
    assertThat(c.effectiveUid()).isEqualTo(65534);
    assertThat(c.gids()).containsExactly(0, 100, 100, -2);
    assertThat(c.effectiveGid()).isEqualTo(100);
    assertThat(c.groups()).containsExactly(4, 24, 27);
    assertThat(c.toString())
        .isEqualTo("uid 1000/65534/0/65534 gid 0/100/100/4294967294 groups 4/24/27");
  }

  @Test
  void aNameLineThatLooksLikeAUidLineIsNotRead() throws IOException {
    // The hostile process's Name line holds "\n" escaped by the kernel; a forged "Uid:" inside it
    // must not count.
    Credentials c =
        parse("Name:\tUid:\t0\t0\t0\t0\nUid:\t1\t2\t3\t4\nGid:\t5\t6\t7\t8\nGroups:\t\n");
    assertThat(c.uids()).containsExactly(1, 2, 3, 4);
    assertThat(parse(StatParserTest.sample("hostile.status")).uids()).hasSize(4);
  }

  @Test
  void rejectsMissingOrShortLines() {
    assertThatThrownBy(() -> parse("Name:\tx\nGid:\t0\t0\t0\t0\nGroups:\t\n"))
        .isInstanceOf(MalformedProcFileException.class)
        .hasMessage("malformed /proc/7/status: no Uid: line");
    assertThatThrownBy(() -> parse("Uid:\t0\t0\t0\nGid:\t0\t0\t0\t0\nGroups:\t\n"))
        .hasMessage("malformed /proc/7/status: Uid: has 3 IDs, expected 4");
    assertThatThrownBy(() -> parse("Uid:\t0\t0\t0\tx\nGid:\t0\t0\t0\t0\nGroups:\t\n"))
        .hasMessage("malformed /proc/7/status: Uid: holds 'x', not an ID");
  }

  // Found by StatusParserFuzzTest.
  @Test
  void readsTheFirstLineOfAFileThatStartsWithANewline() {
    Credentials c = parse("\nGroups:\t4\nUid:\t1\t2\t3\t4\nGid:\t5\t6\t7\t8\n");
    assertThat(c.groups()).containsExactly(4);
    assertThat(c.uids()).containsExactly(1, 2, 3, 4);
  }

  @Test
  void rejectsIdsThatAreNotPlainDecimals() {
    assertThatThrownBy(() -> parse("Uid:\t1\t1\t3\t1\0\0\t\nGid:\t0\t0\t0\t0\nGroups:\t\n"))
        .hasMessage("malformed /proc/7/status: Uid: holds '1\0\0', not an ID");
    assertThatThrownBy(() -> parse("Uid:\t+1\t1\t1\t1\nGid:\t0\t0\t0\t0\nGroups:\t\n"))
        .hasMessage("malformed /proc/7/status: Uid: holds '+1', not an ID");
    assertThatThrownBy(() -> parse("Uid:\t1\t1\t1\t1\nGid:\t0\t0\t0\t0\nGroups:\t4294967296\n"))
        .hasMessage("malformed /proc/7/status: Groups: holds '4294967296', not an ID");
  }
}
