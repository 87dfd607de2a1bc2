package org.rollcall.alerts;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.rollcall.core.cli.UsageException;
import org.rollcall.core.files.FileTrust;

/**
 * Passwords and tokens, never taken from arguments (which {@code ps} shows everyone): from a {@code
 * KEY=value} file that only its owner may read, or from an environment variable. A file that group
 * or others can read or write, or that belongs to someone other than the reader or root, is
 * refused, as ssh refuses such a key; so is one in a directory (or below one) that another user
 * could rename files in.
 */
public final class Secrets {
  /** Where alerts look when no {@code --secrets FILE} is given. */
  public static final Path DEFAULT_FILE = Path.of("/etc/rollcall/secrets");

  /**
   * A secrets file is a few lines; anything this large is not one (and is not read into memory).
   */
  public static final int MAX_BYTES = 64 * 1024;

  private static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  private final Path file;
  private final boolean fileGiven;
  private final Map<String, String> env;

  /**
   * @param file {@code --secrets FILE}, or null for {@link #DEFAULT_FILE} when it exists
   */
  public Secrets(Path file, Map<String, String> env) {
    this.file = file == null ? DEFAULT_FILE : file;
    this.fileGiven = file != null;
    this.env = env;
  }

  /**
   * The value of {@code key}: the environment variable {@code ROLLCALL_KEY} if set, else the line
   * {@code KEY=} of the secrets file; null when neither has it.
   */
  public String get(String key) {
    String fromEnv = env.get("ROLLCALL_" + key);
    if (fromEnv != null && !fromEnv.isEmpty()) {
      return fromEnv;
    }
    for (String line : lines()) {
      int equals = line.indexOf('=');
      if (!line.startsWith("#") && equals > 0 && line.substring(0, equals).trim().equals(key)) {
        return line.substring(equals + 1).trim();
      }
    }
    return null;
  }

  private List<String> lines() {
    try {
      return readPrivate(file);
    } catch (NoSuchFileException e) {
      if (fileGiven) {
        throw new UsageException("no secrets file " + file);
      }
      return List.of();
    } catch (IOException e) {
      throw new UsageException("cannot read secrets file " + file + ": " + e.getMessage());
    }
  }

  /**
   * The lines of a file that holds a secret, after checking that it is a regular file (not a link:
   * whoever can point the link elsewhere would choose the secret) that only its owner (this user or
   * root) can read or change; a {@link UsageException} says what is wrong otherwise. The file is
   * opened without following a link, and must still be the file checked once read.
   */
  public static List<String> readPrivate(Path file) throws IOException {
    PosixFileAttributes attributes = checkPrivate(file);
    byte[] bytes;
    try (SeekableByteChannel channel =
        Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      bytes = Channels.newInputStream(channel).readNBytes(MAX_BYTES + 1);
    }
    if (bytes.length > MAX_BYTES) {
      throw new UsageException("secrets file " + file + " is larger than " + MAX_BYTES + " bytes");
    }
    if (!Objects.equals(checkPrivate(file).fileKey(), attributes.fileKey())) {
      throw new UsageException(
          "refusing secrets file " + file + ": it was replaced while being read");
    }
    return new String(bytes, StandardCharsets.UTF_8).lines().toList();
  }

  private static PosixFileAttributes checkPrivate(Path file) throws IOException {
    PosixFileAttributes attributes =
        Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (attributes.isSymbolicLink()) {
      throw new UsageException(
          "refusing secrets file "
              + file
              + ": it is a symbolic link (to "
              + Files.readSymbolicLink(file)
              + "); name the file itself");
    }
    if (!attributes.isRegularFile()) {
      throw new UsageException("secrets file " + file + " is not a regular file");
    }
    if (!OWNER_ONLY.containsAll(attributes.permissions())) {
      throw new UsageException(
          "refusing secrets file "
              + file
              + ": others can read or change it (mode "
              + PosixModes.octal(attributes.permissions())
              + "); chmod 600 "
              + file);
    }
    int owner = (Integer) Files.getAttribute(file, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    // /proc/self belongs to the effective UID of the process looking at it.
    int me = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    if (owner != 0 && owner != me) {
      throw new UsageException(
          "refusing secrets file "
              + file
              + ": owned by uid "
              + owner
              + ", not by this user "
              + "(uid "
              + me
              + ") or root");
    }
    String directory = FileTrust.ancestorProblem(file);
    if (directory != null) {
      throw new UsageException(
          "refusing secrets file "
              + file
              + ": "
              + directory
              + ", so another user could "
              + "replace the file");
    }
    return attributes;
  }
}
