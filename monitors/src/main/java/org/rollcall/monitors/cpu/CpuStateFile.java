package org.rollcall.monitors.cpu;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.rollcall.core.files.FileTrust;
import org.rollcall.core.files.Permissions;
import org.rollcall.core.text.Ascii;

/**
 * cpu.monitor's previous sample in a state directory (mon's MON_STATEDIR). Written to a temporary
 * file in the same directory and renamed over the old one, so a concurrent run reads the old sample
 * or the new one, never half of one. A file that is corrupt or from another proc tree is reported
 * in a note and replaced, never a crash.
 *
 * <p>A sample decides which processes pass, so one another user could write is never read: the file
 * must be a regular file (not a link) owned by the running user and writable by no one else, in a
 * directory owned by that user or root that no one else can rename files in (not group- or
 * other-writable, unless sticky). Otherwise the run samples, and a note says why; in such a
 * directory nothing is written either.
 */
final class CpuStateFile {
  /** Far above any real sample (about 30 bytes a process); a larger file is not ours. */
  static final int MAX_BYTES = 32 << 20;

  private static final Permissions OWNER_ONLY = Permissions.of("rw-------");

  private static final Set<StandardOpenOption> NEW_FILE =
      Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);

  private final Path file;

  CpuStateFile(Path file) {
    this.file = file;
  }

  /**
   * The file for one mon service in {@code dir}: mon runs every service's monitor with the same
   * MON_STATEDIR, and two services sharing one sample would shorten each other's window.
   */
  static CpuStateFile in(Path dir, String monGroup, String monService) {
    String name = "cpu.monitor";
    if (monGroup != null && monService != null) {
      name += "." + safe(monGroup) + "." + safe(monService);
    }
    return new CpuStateFile(dir.resolve(name + ".state"));
  }

  Path path() {
    return file;
  }

  /**
   * The previous sample, or empty when there is none; why a file was unusable is added to {@code
   * notes}.
   */
  Optional<CpuSample> read(String procRoot, List<String> notes) {
    String distrust = distrust();
    if (distrust != null) {
      notes.add("note: state file " + file + " is not trusted (" + distrust + "); sampled instead");
      return Optional.empty();
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      notes.add(
          "note: cannot read state file "
              + file
              + " ("
              + e.getMessage()
              + "); it will be replaced");
      return Optional.empty();
    }
    try {
      if (bytes.length > MAX_BYTES) {
        throw new IllegalArgumentException("it is larger than " + MAX_BYTES + " bytes");
      }
      CpuSample sample = CpuSample.parse(new String(bytes, StandardCharsets.UTF_8));
      if (!sample.procRoot().equals(procRoot)) {
        throw new IllegalArgumentException(
            "it was taken from " + sample.procRoot() + ", not " + procRoot);
      }
      return Optional.of(sample);
    } catch (IllegalArgumentException e) {
      notes.add(
          "note: state file "
              + file
              + " was not a usable cpu.monitor sample ("
              + e.getMessage()
              + "); it is replaced");
      return Optional.empty();
    }
  }

  /**
   * Why the file cannot be trusted, or null when it can (or is missing, in a directory that can be
   * trusted). Checked before it is opened; the directory's check is what keeps another user from
   * swapping the file after.
   */
  String distrust() {
    try {
      String directory = FileTrust.directoryProblem(file.toAbsolutePath().getParent());
      return directory != null ? directory : FileTrust.problem(file, FileTrust.Policy.PRIVATE);
    } catch (IOException e) {
      return "cannot check its owner: " + e.getMessage();
    }
  }

  /** Writes {@code sample} atomically; a failure is returned as a note line, or null on success. */
  String write(CpuSample sample) {
    String directory;
    try {
      directory = FileTrust.directoryProblem(file.toAbsolutePath().getParent());
    } catch (IOException e) {
      return "note: cannot write state file "
          + file
          + " ("
          + e
          + "); the next run will sample again";
    }
    if (directory != null) {
      return "note: state file "
          + file
          + " not written ("
          + directory
          + "); the next run will sample again";
    }
    Path temp = null;
    try {
      temp = createTemporary(sample.format().getBytes(StandardCharsets.UTF_8));
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      return null;
    } catch (IOException e) {
      deleteQuietly(temp);
      return "note: cannot write state file "
          + file
          + " ("
          + e
          + "); the next run will sample again";
    }
  }

  /**
   * A new file beside the state file, readable by its owner only, holding {@code content}. Named
   * after the clock rather than by Files.createTempFile, whose SecureRandom costs a run its
   * security providers' start-up: the name need not be unguessable, as the file is created
   * exclusively (never through a link, never one that exists) and written through the descriptor
   * that created it, never opened again by name.
   */
  private Path createTemporary(byte[] content) throws IOException {
    for (int attempt = 1; ; attempt++) {
      Path temp =
          file.resolveSibling(
              "." + file.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".tmp");
      SeekableByteChannel out;
      try {
        out = Files.newByteChannel(temp, NEW_FILE, OWNER_ONLY);
      } catch (FileAlreadyExistsException e) {
        if (attempt == 10) {
          throw e;
        }
        continue;
      }
      try (out) {
        Channels.newOutputStream(out).write(content);
        return temp;
      } catch (IOException e) {
        deleteQuietly(temp);
        throw e;
      }
    }
  }

  private static void deleteQuietly(Path temp) {
    if (temp != null) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException e) {
        // the note about the failed write already tells the sysadmin where to look
      }
    }
  }

  /**
   * {@code name} with each character but ASCII letters, digits, {@code _}, {@code .} and {@code -}
   * made one {@code _}.
   */
  private static String safe(String name) {
    StringBuilder safe = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i += Character.charCount(name.codePointAt(i))) {
      int c = name.codePointAt(i);
      safe.appendCodePoint(Ascii.isNameChar(c) ? c : '_');
    }
    return safe.toString();
  }
}
