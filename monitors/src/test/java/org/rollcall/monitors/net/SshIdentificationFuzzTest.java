package org.rollcall.monitors.net;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Optional;

/**
 * Fuzzes what ssh.monitor reads from a peer: the identification line is found or not yet there, or
 * refused with an IllegalArgumentException that ssh.monitor reports; a found one is the first whole
 * {@code SSH-} line split as RFC 4253 says, and its OpenSSH release, if any, is read without an
 * exception.
 */
class SshIdentificationFuzzTest {

  @FuzzTest(maxDuration = "10s")
  void find(byte[] bytes) {
    Optional<SshIdentification> found;
    try {
      found = SshIdentification.find(bytes, bytes.length);
    } catch (IllegalArgumentException e) {
      assertThat(SshIdentification.complete(bytes, bytes.length)).isTrue();
      return;
    }
    assertThat(found.isPresent()).isEqualTo(SshIdentification.complete(bytes, bytes.length));
    if (found.isEmpty()) {
      return;
    }
    SshIdentification id = found.get();
    assertThat(id.line()).doesNotContain("\n");
    assertThat(id.protoVersion()).isNotEmpty().doesNotContain("-", " ");
    assertThat(id.softwareVersion()).isNotEmpty().doesNotContain(" ");
    assertThat(id.line())
        .isEqualTo(
            "SSH-"
                + id.protoVersion()
                + "-"
                + id.softwareVersion()
                + (id.line().indexOf(' ') < 0 ? "" : " " + id.comments()));
    OpenSshVersion.inSoftware(id.softwareVersion())
        .ifPresent(
            version -> assertThat(OpenSshVersion.parse(version.toString())).isEqualTo(version));
  }
}
