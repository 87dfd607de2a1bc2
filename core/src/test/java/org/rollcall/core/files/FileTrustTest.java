package org.rollcall.core.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each reason a file or directory is refused, on real files (the owner changes need root). */
class FileTrustTest {
  @TempDir Path dir;

  private Path file(String mode) throws Exception {
    Path file = Files.writeString(dir.resolve("f"), "x");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
    return file;
  }

  @Test
  void aMissingFileIsNoProblem() throws Exception {
    assertThat(FileTrust.problem(dir.resolve("missing"), FileTrust.Policy.PRIVATE)).isNull();
    assertThat(FileTrust.key(dir.resolve("missing"))).isNull();
  }

  @Test
  void anOwnFileWritableByNoOneElsePasses() throws Exception {
    assertThat(FileTrust.problem(file("rw-r--r--"), FileTrust.Policy.PRIVATE)).isNull();
  }

  @Test
  void writeBitsAreRefusedAsThePolicySays() throws Exception {
    Path file = file("rw-rw-r--");
    assertThat(FileTrust.problem(file, FileTrust.Policy.PRIVATE))
        .isEqualTo("it is writable by group (mode 664)");
    assertThat(FileTrust.problem(file, FileTrust.Policy.APPEND_ONLY)).isNull();
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
    assertThat(FileTrust.problem(file, FileTrust.Policy.APPEND_ONLY))
        .isEqualTo("it is writable by others (mode 666)");
  }

  @Test
  void linksAreRefused() throws Exception {
    Path file = file("rw-------");
    Path link = Files.createSymbolicLink(dir.resolve("link"), file);
    assertThat(FileTrust.problem(link, FileTrust.Policy.APPEND_ONLY))
        .isEqualTo("it is a symbolic link (to " + file + ")");
    Files.createLink(dir.resolve("hard"), file);
    assertThat(FileTrust.problem(file, FileTrust.Policy.APPEND_ONLY))
        .isEqualTo("it has 2 hard links, and one may be another user's file");
    assertThat(FileTrust.problem(dir, FileTrust.Policy.APPEND_ONLY))
        .isEqualTo("it is not a regular file");
  }

  @Test
  void anotherUsersFileIsRefusedAndRootsOnlyWhereThePolicyTakesIt() throws Exception {
    Path file = file("rw-------");
    Files.setAttribute(file, "unix:uid", 65534);
    int self = FileTrust.runningUid();
    assertThat(FileTrust.problem(file, FileTrust.Policy.APPEND_ONLY))
        .isEqualTo("it is owned by uid 65534, not by this user (uid " + self + ") or root");
    assertThat(FileTrust.problem(file, FileTrust.Policy.PRIVATE))
        .isEqualTo("it is owned by uid 65534, not by this user (uid " + self + ")");
  }

  @Test
  void aFileReplacedAsItWasOpenedIsRefused() throws Exception {
    Path file = file("rw-------");
    Object before = FileTrust.key(file);
    assertThat(FileTrust.afterOpening(file, before, FileTrust.Policy.PRIVATE)).isNull();
    Files.delete(file);
    assertThat(FileTrust.afterOpening(file, before, FileTrust.Policy.PRIVATE))
        .isEqualTo("it was removed as it was opened");
    file("rw-------");
    Path other = Files.writeString(dir.resolve("keep-the-inode-busy"), "y");
    assertThat(FileTrust.key(other)).isNotEqualTo(before);
    Files.move(other, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertThat(FileTrust.afterOpening(file, before, FileTrust.Policy.PRIVATE))
        .isEqualTo("it was replaced as it was opened");
  }

  @Test
  void directoriesOthersCanRenameInAreRefusedUnlessSticky() throws Exception {
    Path shared = Files.createDirectory(dir.resolve("shared"));
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwx---"));
    assertThat(FileTrust.directoryProblem(shared))
        .isEqualTo(
            "its directory "
                + shared
                + " is writable by group or others without the sticky bit (mode 770)");
    Files.setAttribute(shared, "unix:mode", 01777);
    assertThat(FileTrust.directoryProblem(shared)).isNull();
    Files.setAttribute(shared, "unix:uid", 65534);
    assertThat(FileTrust.directoryProblem(shared))
        .startsWith("its directory " + shared + " is owned by uid 65534, not by this user");
    assertThat(FileTrust.ancestorProblem(shared.resolve("secret")))
        .startsWith("its directory " + shared);
    assertThat(FileTrust.ancestorProblem(dir.resolve("secret"))).isNull();
  }
}
