package org.rollcall.core.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.core.files.FileTrust;

class ArgumentFilesTest {
  @TempDir Path dir;

  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  private final AtomicInteger halted = new AtomicInteger(-1);
  private final Launcher launcher =
      new Launcher(new PrintStream(stdout, true, StandardCharsets.UTF_8), halted::set);

  private Path file(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    return file;
  }

  private String[] expand(String... args) {
    return ArgumentFiles.expand(args);
  }

  @Test
  void eachLineIsOneArgumentAsWrittenBlankAndCommentLinesSkipped() {
    String text =
        "# the daemons\nsshd:1-\n\n   \n  # indented comment\r\n-p\n^220 \nname=a#b:0-\nlast";
    assertThat(ArgumentFiles.arguments("f", text))
        .containsExactly("sshd:1-", "-p", "^220 ", "name=a#b:0-", "last");
    assertThat(ArgumentFiles.arguments("f", "")).isEmpty();
    assertThat(ArgumentFiles.arguments("f", "a\r\n")).containsExactly("a\r");
    assertThat(ArgumentFiles.arguments("f", "  lead\n")).containsExactly("  lead");
  }

  @Test
  void argumentsWithoutAnAtAreTheArrayItself() {
    String[] args = {"sshd:1-", "--nagios"};
    assertThat(ArgumentFiles.expand(args)).isSameAs(args);
  }

  @Test
  void aFileExpandsInPlaceAndAtAtIsALiteralAt() throws IOException {
    Path rules = file("rules", "cron:1-5\n@@odd:0-\n--nagios\n");
    assertThat(expand("-t", "5", "@" + rules, "@@at:1-", "last:0-"))
        .containsExactly("-t", "5", "cron:1-5", "@odd:0-", "--nagios", "@at:1-", "last:0-");
  }

  @Test
  void filesDoNotNest() throws IOException {
    Path inner = file("inner", "sshd:1-\n");
    Path outer = file("outer", "# one\n@" + inner + "\n");
    assertThatThrownBy(() -> expand("@" + outer))
        .isInstanceOf(UsageException.class)
        .hasMessage(
            "argument file "
                + outer
                + " line 2 names another argument file (@"
                + inner
                + "); they do not nest (write @@ for an argument that starts with @)");
  }

  @Test
  void aMissingFileADirectoryAndABareAtAreOneLineEach() throws IOException {
    assertThatThrownBy(() -> expand("@" + dir.resolve("none")))
        .hasMessage("argument file " + dir.resolve("none") + " does not exist");
    assertThatThrownBy(() -> expand("@" + dir))
        .hasMessage("argument file " + dir + " is a directory");
    assertThatThrownBy(() -> expand("@"))
        .hasMessage("an argument @ names no file (write @FILE, or @@ for a literal @)");
  }

  @Test
  void anUnreadableFileSaysWhy() throws IOException {
    assumeThat(FileTrust.runningUid()).as("root reads any file").isNotZero();
    Path secret = file("secret", "a:1-\n");
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("-w-------"));
    assertThatThrownBy(() -> expand("@" + secret))
        .hasMessage("cannot read argument file " + secret + ": Permission denied");
  }

  @Test
  void aFileAnotherUserCouldHaveWrittenIsRefused() throws IOException {
    Path shared = file("shared", "a:1-\n");
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-rw-r--"));
    assertThatThrownBy(() -> expand("@" + shared))
        .hasMessage("refusing argument file " + shared + ": it is writable by group (mode 664)");
    Path link = Files.createSymbolicLink(dir.resolve("link"), file("real", "a:1-\n"));
    assertThatThrownBy(() -> expand("@" + link))
        .hasMessage(
            "refusing argument file "
                + link
                + ": it is a symbolic link (to "
                + dir.resolve("real")
                + ")");
    Path open = Files.createDirectory(dir.resolve("open"));
    Path inOpen = file("open/rules", "a:1-\n");
    Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
    assertThatThrownBy(() -> expand("@" + inOpen))
        .hasMessageStartingWith(
            "refusing argument file "
                + inOpen
                + ": its directory "
                + open
                + " is writable by group or others without the sticky bit");
  }

  @Test
  void aTooLargeFileIsRefused() throws IOException {
    Path big = file("big", "a:1-\n".repeat(ArgumentFiles.MAX_BYTES / 5 + 1));
    assertThatThrownBy(() -> expand("@" + big))
        .hasMessage("argument file " + big + " is larger than 2097152 bytes");
  }

  @Test
  void aRefusedFileIsOneLineExit1OrUnknown3() {
    String missing = "@" + dir.resolve("none");
    assertThat(launcher.execute(new LauncherTest.TestMonitor(), missing)).isEqualTo(1);
    assertThat(launcher.execute(new LauncherTest.TestMonitor(), "--nagios", missing)).isEqualTo(3);
    assertThat(stdout.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "test.monitor: argument file "
                + missing.substring(1)
                + " does not exist (see test.monitor --help)\n"
                + "TEST UNKNOWN: test.monitor: argument file "
                + missing.substring(1)
                + " does not exist (see test.monitor --help)\n");
  }

  @Test
  void aFileOfWordsTakesThePlainPathAndOneWithAnOptionPicocli() throws IOException {
    LauncherTest.TestMonitor plain = new LauncherTest.TestMonitor();
    assertThat(launcher.execute(plain, "@" + file("words", "a\n--nagios\n"))).isEqualTo(2);
    assertThat(plain.tookPlain).isTrue();
    assertThat(plain.items).containsExactly("a");
    LauncherTest.TestMonitor parsed = new LauncherTest.TestMonitor();
    assertThat(launcher.execute(parsed, "@" + file("options", "-t\n5\nb\n"))).isEqualTo(1);
    assertThat(parsed.tookPlain).isFalse();
    assertThat(parsed.items).containsExactly("b");
  }

  /** check_procs' inverted ranges: {@code -c @2:5} is a range wherever @FILE is read. */
  @Test
  void leavesANagiosRangeAlone() {
    String[] args = {"-w", "@0:60", "-c", "@~:5", "-w", "@10", "-c", "@-5:+5"};
    assertThat(ArgumentFiles.expand(args)).containsExactly(args);
    assertThat(ArgumentFiles.isRange("2.5:")).isTrue();
    assertThat(ArgumentFiles.isRange("rules")).isFalse();
    assertThat(ArgumentFiles.isRange("")).isFalse();
  }
}
