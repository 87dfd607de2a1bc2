package org.rollcall.core.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MapsParserTest {
  private static final String FILE = "/proc/812/maps";

  private static List<MappedFile> parse(String... lines) {
    byte[] bytes = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    return MapsParser.executableFiles(bytes, bytes.length, FILE);
  }

  private static String shown(List<MappedFile> files) {
    StringBuilder out = new StringBuilder();
    for (MappedFile f : files) {
      out.append(f.path())
          .append(f.deleted() ? " deleted " : " ")
          .append(f.major())
          .append(':')
          .append(f.minor())
          .append(' ')
          .append(f.inode())
          .append('\n');
    }
    return out.toString();
  }

  @Test
  void keepsEachExecutableFileOnceWithItsDeviceAndInode() {
    List<MappedFile> files =
        parse(
            "563fb33f5000-563fb33f7000 r--p 00000000 fe:00 260386                     /usr/sbin/sshd",
            "563fb33f7000-563fb33fd000 r-xp 00002000 fe:00 260386                     /usr/sbin/sshd",
            "563fb84b3000-563fb84d4000 rw-p 00000000 00:00 0                          [heap]",
            "7fd42d168000-7fd42d18e000 r--p 00000000 fe:00 339380                     "
                + "/usr/lib/x86_64-linux-gnu/libc.so.6",
            "7fd42d18e000-7fd42d2e4000 r-xp 00026000 fe:00 339380                     "
                + "/usr/lib/x86_64-linux-gnu/libc.so.6",
            "7fd42d300000-7fd42d310000 r-xp 00026000 fe:00 339380                     "
                + "/usr/lib/x86_64-linux-gnu/libc.so.6",
            "7fd42d33d000-7fd42d34a000 rw-p 00000000 00:00 0 ",
            "7fd42d350000-7fd42d351000 r-xp 00000000 103:02 1234567                   "
                + "/usr/lib/x86_64-linux-gnu/libssl.so.3 (deleted)",
            "7fd42d35b000-7fd42d35d000 r-xp 00000000 00:00 0                          [vdso]",
            "ffffffffff600000-ffffffffff601000 --xp 00000000 00:00 0                  [vsyscall]");
    assertThat(shown(files))
        .isEqualTo(
            "/usr/sbin/sshd 254:0 260386\n"
                + "/usr/lib/x86_64-linux-gnu/libc.so.6 254:0 339380\n"
                + "/usr/lib/x86_64-linux-gnu/libssl.so.3 deleted 259:2 1234567\n");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "7f00-7f01 r-xs 00000000 00:01 2048 /memfd:libffi (deleted)",
        "7f00-7f01 r-xs 00000000 00:19 77 /dev/shm/ffiXXXX (deleted)",
        "7f00-7f01 r-xs 00000000 00:01 65538 /SYSV00000000 (deleted)",
        "7f00-7f01 r-xp 00000000 00:05 3 /dev/zero (deleted)",
        "7f00-7f01 r-xp 00000000 00:1a 41 /tmp/ffi8dwX1a (deleted)",
        "7f00-7f01 r-xp 00000000 00:1a 41 /var/tmp/orcexec.xyz (deleted)",
        "7f00-7f01 r-xp 00000000 00:1a 41 /run/user/1000/x (deleted)",
        "7f00-7f01 r-xp 00000000 fe:00 41 /root/.cache/JNA/temp/jna8818.tmp (deleted)",
        "7f00-7f01 r--p 00000000 fe:00 41 /var/lib/data.db (deleted)",
        "7f00-7f01 rw-s 00000000 fe:00 41 /usr/lib/locale/locale-archive (deleted)",
        "7f00-7f01 r-xp 00000000 00:00 0 [vdso]",
        "7f00-7f01 r-xp 00000000 00:00 0 ",
        "7f00-7f01 r-xp 00000000 00:00 0",
        "7f00-7f01 r-xp 00000000 fe:00 0 /anonymous/with/a/name",
      })
  void whatIsNotCodeOnDiskIsLeftOut(String line) {
    assertThat(parse(line)).isEmpty();
  }

  @Test
  void aPathWithSpacesAndAMarkInsideIsKeptWhole() {
    assertThat(shown(parse("7f00-7f01 r-xp 00000000 08:01 9 /opt/my app (deleted) v2/lib.so")))
        .isEqualTo("/opt/my app (deleted) v2/lib.so 8:1 9\n");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "7f00-7f01 r-xp 00000000 fe:00",
        "7f00-7f01 r-xp",
        "",
        "7f00-7f01 r-x 00000000 fe:00 1 /usr/lib/a.so",
        "7f00-7f01 r-xp 00000000 fe00 1 /usr/lib/a.so",
        "7f00-7f01 r-xp 00000000 fe:zz 1 /usr/lib/a.so",
        "7f00-7f01 r-xp 00000000 fe:00 -1 /usr/lib/a.so",
        "7f00-7f01 r-xp 00000000 fe:00 12x /usr/lib/a.so",
      })
  void aMalformedLineIsAnErrorNamingTheFileAndTheLine(String line) {
    assertThatThrownBy(() -> parse("7e00-7e01 r--p 00000000 fe:00 5 /usr/lib/ok.so", line))
        .isInstanceOf(MalformedProcFileException.class)
        .hasMessageStartingWith("malformed /proc/812/maps: line 2 '" + line + "': ");
  }

  @Test
  void aHostileLineIsQuotedEscapedAndCut() {
    byte[] bytes =
        ("7f00 r-xp \u001b[2J" + "A".repeat(300) + "\n").getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> MapsParser.executableFiles(bytes, bytes.length, FILE))
        .hasMessage(
            "malformed /proc/812/maps: line 1 '7f00 r-xp \\x1b[2J"
                + "A".repeat(186)
                + "': fewer than five fields");
  }

  @Test
  void thousandsOfMappingsKeepOnlyTheFilesOfCode() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      text.append(Long.toHexString(0x7f0000000000L + i * 4096L))
          .append('-')
          .append(Long.toHexString(0x7f0000001000L + i * 4096L))
          .append(i % 2 == 0 ? " rw-p 00000000 00:00 0 \n" : " r-xp 00000000 fe:00 ")
          .append(i % 2 == 0 ? "" : (i % 50) + " /usr/lib/lib" + (i % 50) + ".so\n");
    }
    byte[] bytes = text.toString().getBytes(StandardCharsets.US_ASCII);
    assertThat(MapsParser.executableFiles(bytes, bytes.length, FILE)).hasSize(25);
  }
}
