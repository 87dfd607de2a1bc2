package org.rollcall.monitors.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SshIdentificationTest {
  private static Optional<SshIdentification> find(String received) {
    byte[] bytes = received.getBytes(StandardCharsets.ISO_8859_1);
    return SshIdentification.find(bytes, bytes.length);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3|2.0|OpenSSH_9.2p1|Debian-2+deb12u3",
        "SSH-1.99-OpenSSH_3.9p1|1.99|OpenSSH_3.9p1|''",
        "SSH-2.0-dropbear_2022.83|2.0|dropbear_2022.83|''",
        "SSH-2.0-Cisco-1.25|2.0|Cisco-1.25|''",
        "SSH-2.0-x a b c|2.0|x|a b c"
      })
  void splitsTheLine(String line, String proto, String software, String comments) {
    SshIdentification id = find(line + "\r\n").orElseThrow();
    assertThat(id).isEqualTo(new SshIdentification(line, proto, software, comments));
  }

  @Test
  void linesBeforeItAreSkippedAndABareLfEndsALine() {
    assertThat(find("hello\r\nSSH is here\nSSH-2.0-OpenSSH_9.2p1\n"))
        .map(SshIdentification::softwareVersion)
        .contains("OpenSSH_9.2p1");
  }

  @Test
  void anUnfinishedLineIsNotYetAnIdentification() {
    assertThat(find("SSH-2.0-OpenSSH_9.2")).isEmpty();
    assertThat(find("banner\r\n")).isEmpty();
    assertThat(
            SshIdentification.complete("x\nSSH-2.0-y\r\n".getBytes(StandardCharsets.US_ASCII), 9))
        .isFalse();
    assertThat(
            SshIdentification.complete("x\nSSH-2.0-y\r\n".getBytes(StandardCharsets.US_ASCII), 13))
        .isTrue();
  }

  @Test
  void theLineMayHaveAtMost255BytesWithCrLf() {
    String longest = "SSH-2.0-" + "x".repeat(245);
    assertThat(find(longest + "\r\n")).isPresent();
    assertThatThrownBy(() -> find(longest + "x\r\n"))
        .hasMessage("identification line is 256 bytes, more than RFC 4253's 255");
  }

  @ParameterizedTest
  @CsvSource({"SSH-2.0", "SSH--x", "SSH-2.0-", "SSH-2.0- comment"})
  void malformedLinesAreRejected(String line) {
    assertThatThrownBy(() -> find(line + "\r\n"))
        .hasMessage("not SSH-protoversion-softwareversion");
  }

  @Test
  void softwareIsVersionAndComments() {
    assertThat(SshIdentification.parse("SSH-2.0-OpenSSH_9.2p1 Debian-2").software())
        .isEqualTo("OpenSSH_9.2p1 Debian-2");
    assertThat(SshIdentification.parse("SSH-2.0-OpenSSH_9.2p1").software())
        .isEqualTo("OpenSSH_9.2p1");
  }
}
