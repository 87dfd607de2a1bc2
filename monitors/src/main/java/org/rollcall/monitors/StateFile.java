package org.rollcall.monitors;

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
import java.util.Map;
import java.util.Set;
import org.rollcall.core.cli.UsageException;
import org.rollcall.core.files.FileTrust;
import org.rollcall.core.files.Permissions;
import org.rollcall.core.text.Ascii;

/**
 * A monitor's state from its previous run, in a state directory (mon's MON_STATEDIR). Written to a
 * temporary file in the same directory and renamed over the old one, so a concurrent run reads the
 * old state or the new one, never half of one. A file that cannot be used is reported in a note and
 * replaced, never a crash.
 *
 * <p>The state decides what passes, so a file another user could write is never read: it must be a
 * regular file (not a link) owned by the running user and writable by no one else, in a directory
 * owned by that user or root that no one else can rename files in (not group- or other-writable,
 * unless sticky). Otherwise the run goes without it, and a note says why; in such a directory
 * nothing is written either.
 */
public final class StateFile {
  /** Far above any real state (tens of bytes a process); a larger file is not ours. */
  public static final int MAX_BYTES = 32 << 20;

  private static final Permissions OWNER_ONLY = Permissions.of("rw-------");

  private static final Set<StandardOpenOption> NEW_FILE =
      Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);

  /**
   * The monitor a state belongs to, and what it does without one, in the words its notes use.
   *
   * @param executable the monitor, which names the file
   * @param content what the file holds, e.g. "cpu.monitor sample"
   * @param instead this run's course without it, e.g. "sampled instead"
   * @param nextRun the next run's when it cannot be written, e.g. "the next run will sample again"
   */
  public record Owner(String executable, String content, String instead, String nextRun) {}

  private final Path file;
  private final Owner owner;

  public StateFile(Path file, Owner owner) {
    this.file = file;
    this.owner = owner;
  }

  /**
   * The file for one mon service in {@code dir}, {@code EXECUTABLE.GROUP.SERVICE.state} (or {@code
   * EXECUTABLE.state} outside mon): mon runs every service's monitor with the same MON_STATEDIR,
   * and two services sharing one state would spoil each other's.
   */
  public static Path named(Path dir, Owner owner, String monGroup, String monService) {
    String name = owner.executable();
    if (monGroup != null && monService != null) {
      name += "." + safe(monGroup) + "." + safe(monService);
    }
    return dir.resolve(name + ".state");
  }

  /**
   * The state file of {@code owner} for this run: in {@code --state-dir} ({@code option}), else in
   * mon's MON_STATEDIR, named per mon service ({@link #named}); null when there is neither, or
   * MON_STATEDIR is no directory (said in {@code notes}). A {@code --state-dir} that is no
   * directory is a usage error.
   */
  public static StateFile chosen(
      Path option, Map<String, String> environment, Owner owner, List<String> notes) {
    Path dir = option;
    if (dir == null) {
      String fromMon = environment.get("MON_STATEDIR");
      if (fromMon == null || fromMon.isEmpty()) {
        return null;
      }
      dir = Path.of(fromMon);
      if (!Files.isDirectory(dir)) {
        notes.add("note: MON_STATEDIR " + dir + " is not a directory; " + owner.instead());
        return null;
      }
    } else if (!Files.isDirectory(dir)) {
      throw new UsageException("--state-dir " + dir + " is not a directory");
    }
    return new StateFile(
        named(dir, owner, environment.get("MON_GROUP"), environment.get("MON_SERVICE")), owner);
  }

  public Path path() {
    return file;
  }

  /**
   * The previous state's text, or null when there is none or it cannot be used: why is added to
   * {@code notes}.
   */
  public String read(List<String> notes) {
    String distrust = distrust();
    if (distrust != null) {
      notes.add(
          "note: state file " + file + " is not trusted (" + distrust + "); " + owner.instead());
      return null;
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      notes.add(
          "note: cannot read state file "
              + file
              + " ("
              + e.getMessage()
              + "); it will be replaced");
      return null;
    }
    if (bytes.length > MAX_BYTES) {
      notes.add(unusable("it is larger than " + MAX_BYTES + " bytes"));
      return null;
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** The note for a file whose text is not a usable state, for the reason {@code why}. */
  public String unusable(String why) {
    return "note: state file "
        + file
        + " was not a usable "
        + owner.content()
        + " ("
        + why
        + "); it is replaced";
  }

  /**
   * Why the file cannot be trusted, or null when it can (or is missing, in a directory that can be
   * trusted). Checked before it is opened; the directory's check is what keeps another user from
   * swapping the file after.
   */
  public String distrust() {
    try {
      String directory = FileTrust.directoryProblem(file.toAbsolutePath().getParent());
      return directory != null ? directory : FileTrust.problem(file, FileTrust.Policy.PRIVATE);
    } catch (IOException e) {
      return "cannot check its owner: " + e.getMessage();
    }
  }

  /**
   * Writes {@code content} atomically; a failure is returned as a note line, or null on success.
   */
  public String write(String content) {
    String directory;
    try {
      directory = FileTrust.directoryProblem(file.toAbsolutePath().getParent());
    } catch (IOException e) {
      return "note: cannot write state file " + file + " (" + e + "); " + owner.nextRun();
    }
    if (directory != null) {
      return "note: state file " + file + " not written (" + directory + "); " + owner.nextRun();
    }
    Path temp = null;
    try {
      temp = createTemporary(content.getBytes(StandardCharsets.UTF_8));
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      return null;
    } catch (IOException e) {
      deleteQuietly(temp);
      return "note: cannot write state file " + file + " (" + e + "); " + owner.nextRun();
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
