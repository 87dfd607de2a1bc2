package org.rollcall.core.proc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** cmdline, exe and attr/current: the small per-process files. */
class SmallParsersTest {

  private static List<String> cmdline(byte[] bytes) {
    return CmdlineParser.parse(bytes, bytes.length);
  }

  @Test
  void cmdlineSplitsOnNulAndIsEmptyForKernelThreadsAndZombies() throws IOException {
    assertThat(cmdline("/usr/sbin/sshd\0-D\0\0-o\0a b\0".getBytes(StandardCharsets.UTF_8)))
        .containsExactly("/usr/sbin/sshd", "-D", "", "-o", "a b");
    assertThat(cmdline(StatParserTest.sample("kthreadd.cmdline"))).isEmpty();
    assertThat(cmdline(StatParserTest.sample("zombie.cmdline"))).isEmpty();
  }

  @Test
  void cmdlineKeepsARewrittenTitleWithoutNulAsOneArgument() {
    assertThat(cmdline("sshd: alice [priv]".getBytes(StandardCharsets.UTF_8)))
        .containsExactly("sshd: alice [priv]");
  }

  @Test
  void cmdlineKeepsNewlinesAndInvalidBytes() {
    assertThat(cmdline(new byte[] {'a', '\n', 'b', 0, (byte) 0xfe, 'c', 0}))
        .containsExactly("a\nb", "\uDCFEc");
  }

  @Test
  void cmdlineOfFourKilobytesAndMore() {
    byte[] big = new byte[4096 * 3];
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) (i % 100 == 99 ? 0 : 'a' + i % 26);
    }
    List<String> args = cmdline(big);
    assertThat(args).hasSize(big.length / 100 + 1);
    assertThat(args.get(0)).hasSize(99).startsWith("abcdefghijklmnopqrstuvwxyz");
  }

  @Test
  void exeRecognisesDeletedBinaries() {
    assertThat(Executable.fromLink("/usr/sbin/sshd"))
        .isEqualTo(new Executable("/usr/sbin/sshd", false));
    Executable replaced = Executable.fromLink("/usr/sbin/sshd (deleted)");
    assertThat(replaced).isEqualTo(new Executable("/usr/sbin/sshd", true));
    assertThat(replaced.basename()).isEqualTo("sshd");
    assertThat(replaced.toString()).isEqualTo("/usr/sbin/sshd (deleted)");
  }

  @Test
  void labelsOfSelinuxAndAppArmor() {
    SecurityLabel init = SecurityLabel.parse("system_u:system_r:init_t:s0\0");
    assertThat(init.text()).isEqualTo("system_u:system_r:init_t:s0");
    assertThat(init.isSelinux()).isTrue();
    assertThat(init.type()).isEqualTo("init_t");
    assertThat(
            SecurityLabel.parse("unconfined_u:unconfined_r:unconfined_t:s0-s0:c0.c1023\n").type())
        .isEqualTo("unconfined_t");
    assertThat(SecurityLabel.parse("user_u:user_r:user_t").type()).isEqualTo("user_t");
    SecurityLabel apparmor = SecurityLabel.parse("/usr/sbin/named (enforce)\n");
    assertThat(apparmor.isSelinux()).isFalse();
    assertThat(apparmor.type()).isEqualTo("/usr/sbin/named");
    assertThat(SecurityLabel.parse("unconfined\n").type()).isEqualTo("unconfined");
  }
}
