package org.rollcall.core.proc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stale code in saved trees: a PID/root directory holds the files as they are now, so a maps line
 * is compared with them; without one only the kernel's marks count.
 */
class CodeOnDiskTest {
  @TempDir Path dir;
  FakeProc proc;
  Path root;
  long inode;
  String device;

  @BeforeEach
  void tree() throws IOException {
    proc = new FakeProc(dir.resolve("proc"));
    root = dir.resolve("root");
    Path lib = Files.createDirectories(root.resolve("usr/lib"));
    Files.writeString(lib.resolve("libssl.so.3"), "new");
    Files.writeString(lib.resolve("libc.so.6"), "same");
    Map<String, Object> key = Files.readAttributes(lib.resolve("libc.so.6"), "unix:dev,ino");
    inode = (Long) key.get("ino");
    long dev = (Long) key.get("dev");
    device =
        Long.toHexString((dev >>> 8) & 0xfff | (dev >>> 32) & ~0xfffL)
            + ":"
            + Long.toHexString(dev & 0xff | (dev >>> 12) & ~0xffL);
  }

  private String staleCode(FakeProc.Process process) {
    return proc.fs().process(process.pid()).orElseThrow().staleCode().toString();
  }

  private String line(String device, long inode, String path) {
    return "7f00-7f01 r-xp 00000000 " + device + " " + inode + " " + path;
  }

  @Test
  void comparesEachMappingWithTheFileUnderTheProcesssRoot() {
    FakeProc.Process p =
        proc.process(812, "sshd")
            .exe("/usr/sbin/sshd")
            .root(root)
            .maps(
                line(device, inode, "/usr/lib/libc.so.6"),
                line(device, inode + 1, "/usr/lib/libssl.so.3"),
                line(device, 77, "/usr/lib/libgone.so"),
                line(device, 78, "/usr/lib/libc.so.6 (deleted)"));
    assertThat(staleCode(p))
        .isEqualTo(
            "[replaced /usr/lib/libssl.so.3, deleted /usr/lib/libgone.so, "
                + "replaced /usr/lib/libc.so.6]");
  }

  @Test
  void anAnonymousDeviceIsNotComparedOnlyTheInode() {
    FakeProc.Process p =
        proc.process(812, "app")
            .exe("/usr/bin/app")
            .root(root)
            .maps(
                line("00:2f", inode, "/usr/lib/libc.so.6"),
                line("fe:7f", inode, "/usr/lib/libssl.so.3"));
    assertThat(staleCode(p)).isEqualTo("[replaced /usr/lib/libssl.so.3]");
  }

  @Test
  void withoutARootOnlyTheMarksCount() {
    FakeProc.Process p =
        proc.process(812, "sshd")
            .exe("/usr/sbin/sshd (deleted)")
            .maps(line("fe:00", 1, "/usr/lib/libc.so.6"), line("fe:00", 2, "/lib/a.so (deleted)"));
    assertThat(staleCode(p)).isEqualTo("[deleted /usr/sbin/sshd, deleted /lib/a.so]");
  }

  @Test
  void aDeletedExecutableWithAFileAtItsPathNowWasReplaced() throws IOException {
    Files.createDirectories(root.resolve("usr/sbin"));
    Files.writeString(root.resolve("usr/sbin/sshd"), "new");
    FakeProc.Process p = proc.process(812, "sshd").exe("/usr/sbin/sshd (deleted)").root(root);
    assertThat(staleCode(p)).isEqualTo("[replaced /usr/sbin/sshd]");
  }

  @Test
  void kernelThreadsRunNoCodeAndUnreadableFilesAreNoValue() throws IOException {
    assertThat(staleCode(proc.process(2, "kthreadd").kernelThread())).isEqualTo("[]");
    FakeProc.Process noMaps = proc.process(700, "a").exe("/usr/bin/a");
    Files.delete(noMaps.dir().resolve("maps"));
    assertThat(staleCode(noMaps)).isEqualTo("(no maps file)");
    FakeProc.Process bad = proc.process(701, "b").exe("/usr/bin/b").maps("7f00 r-xp");
    assertThat(staleCode(bad))
        .isEqualTo(
            "(malformed "
                + dir.resolve("proc/701/maps")
                + ": line 1 '7f00 r-xp': "
                + "fewer than five fields)");
  }
}
