package org.rollcall.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rollcall.alerts.mail.MailAlert;
import org.rollcall.core.cli.UsageException;

/**
 * Which secrets files are trusted: only a regular file, not a link, that only its owner (us or
 * root) can use.
 */
class SecretsTest {
  @TempDir Path dir;

  private Path secrets(String mode) throws Exception {
    Path file = dir.resolve("secrets");
    Files.writeString(file, "# rollcall\nSMTP_PASSWORD = s3cret\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
    return file;
  }

  private static String lookUp(Path file) {
    return new Secrets(file, Map.of()).get("SMTP_PASSWORD");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"rw-------", "r--------"})
  void anOwnerOnlyFileIsRead(String mode) throws Exception {
    assertThat(lookUp(secrets(mode))).isEqualTo("s3cret");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"rw-r-----", "rw--w----", "rw----r--", "rw-----w-", "rw-rw-rw-"})
  void aFileOthersCanReadOrChangeIsRefused(String mode) throws Exception {
    Path file = secrets(mode);
    String octal = PosixModes.octal(PosixFilePermissions.fromString(mode));
    assertThatThrownBy(() -> lookUp(file))
        .isInstanceOf(UsageException.class)
        .hasMessage(
            "refusing secrets file "
                + file
                + ": others can read or change it (mode "
                + octal
                + "); chmod 600 "
                + file);
  }

  @Test
  void aSymbolicLinkIsRefusedEvenToAGoodFile() throws Exception {
    Path target = secrets("rw-------");
    Path link = Files.createSymbolicLink(dir.resolve("link"), target);
    assertThatThrownBy(() -> lookUp(link))
        .isInstanceOf(UsageException.class)
        .hasMessage(
            "refusing secrets file "
                + link
                + ": it is a symbolic link (to "
                + target
                + "); name the file itself");
  }

  @Test
  void aFileOfAnotherUserIsRefused() throws Exception {
    assumeTrue(
        "root".equals(System.getProperty("user.name")),
        "needs root to give a file to another user");
    Path file = secrets("rw-------");
    Files.setAttribute(file, "unix:uid", 65534);
    assertThatThrownBy(() -> lookUp(file))
        .isInstanceOf(UsageException.class)
        .hasMessage(
            "refusing secrets file "
                + file
                + ": owned by uid 65534, not by this user (uid 0) or root");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"rwxrwxrwx", "rwxrwx---"})
  void aFileInADirectoryOthersCanRenameInIsRefused(String mode) throws Exception {
    Path loose = Files.createDirectory(dir.resolve("loose"));
    Path file = Files.move(secrets("rw-------"), loose.resolve("secrets"));
    Files.setPosixFilePermissions(loose, PosixFilePermissions.fromString(mode));
    assertThatThrownBy(() -> lookUp(file))
        .isInstanceOf(UsageException.class)
        .hasMessage(
            "refusing secrets file "
                + file
                + ": its directory "
                + loose
                + " is writable by group or others without the sticky bit (mode "
                + PosixModes.octal(PosixFilePermissions.fromString(mode)).substring(1)
                + "), so another user could replace the file");
  }

  @Test
  void aFileInADirectoryAnotherUserOwnsIsRefused() throws Exception {
    Path theirs = Files.createDirectory(dir.resolve("theirs"));
    Path file = Files.move(secrets("rw-------"), theirs.resolve("secrets"));
    Files.setAttribute(theirs, "unix:uid", 65534);
    assertThatThrownBy(() -> lookUp(file))
        .isInstanceOf(UsageException.class)
        .hasMessage(
            "refusing secrets file "
                + file
                + ": its directory "
                + theirs
                + " is owned by uid 65534, not by this user (uid 0) or root, so "
                + "another user could replace the file");
  }

  @Test
  void somethingThatIsNotAFileIsRefusedWithoutBeingOpened() throws Exception {
    Path fifo = dir.resolve("fifo");
    assertThat(new ProcessBuilder("mkfifo", "-m", "600", fifo.toString()).start().waitFor())
        .isZero();
    // Opening a FIFO nobody writes would hang the alert.
    assertThatThrownBy(() -> lookUp(fifo))
        .hasMessage("secrets file " + fifo + " is not a regular file");
    assertThatThrownBy(() -> lookUp(dir))
        .hasMessage("secrets file " + dir + " is not a regular file");
  }

  @Test
  void aHugeFileIsNotReadIntoMemory() throws Exception {
    Path file = secrets("rw-------");
    Files.writeString(file, "SMTP_PASSWORD=s3cret\n" + "#".repeat(Secrets.MAX_BYTES));
    assertThatThrownBy(() -> lookUp(file))
        .hasMessage("secrets file " + file + " is larger than 65536 bytes");
  }

  @Test
  void aMissingFileIsAnErrorOnlyWhenNamed() {
    assertThatThrownBy(() -> lookUp(dir.resolve("none")))
        .hasMessage("no secrets file " + dir.resolve("none"));
  }

  /**
   * End to end: mail.alert given a linked secrets file does not log in, and saves the alert saying
   * why.
   */
  @Test
  void anAlertGivenALinkSavesTheAlertAndSaysWhy() throws Exception {
    Path link = Files.createSymbolicLink(dir.resolve("link"), secrets("rw-------"));
    Path fallback = dir.resolve("fallback.log");
    InJvmAlert.Result result =
        InJvmAlert.run(
            new MailAlert(),
            "sshd:0\n",
            Map.of(),
            "--smtp",
            "127.0.0.1:1",
            "--smtp-user",
            "mon",
            "--secrets",
            link.toString(),
            "--fallback",
            fallback.toString(),
            "-s",
            "ps",
            "-g",
            "local",
            "root@localhost");

    assertThat(result.exit()).isEqualTo(ReliableSender.FELL_BACK);
    assertThat(result.stdout())
        .contains("cannot deliver: refusing secrets file " + link + ": it is a symbolic link");
    assertThat(Files.readAllLines(fallback))
        .first()
        .asString()
        .contains("refusing secrets file " + link);
    assertThat(List.of(Files.readString(fallback))).noneMatch(text -> text.contains("s3cret"));
  }
}
