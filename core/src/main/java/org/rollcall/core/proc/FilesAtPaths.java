package org.rollcall.core.proc;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The files at paths as a process sees them (under {@code /proc/PID/root}), as device and inode.
 * For processes that see paths as this one does (our root, our mount namespace) each path is looked
 * up once: a thousand processes map the same libc, and one stat(2) answers for all.
 */
final class FilesAtPaths {
  private static final String MISSING = "no such file";

  private final ProcFs fs;
  private final Map<String, Field<Map<String, Object>>> seenByUs = new HashMap<>();
  private String ourNamespace;

  FilesAtPaths(ProcFs fs) {
    this.fs = fs;
  }

  /** Whether a lookup found no file at the path. */
  static boolean isMissing(Field<?> field) {
    return MISSING.equals(field.whyAbsent());
  }

  /**
   * The file at {@code path} as {@code pid} sees it now; {@code shared} when it {@link
   * #seesAsWeDo}.
   */
  Field<Map<String, Object>> at(int pid, String path, boolean shared) {
    if (!shared) {
      return key(Path.of(fs.pathText(pid, "root") + path), "root");
    }
    Field<Map<String, Object>> known = seenByUs.get(path);
    if (known == null) {
      known = key(Path.of(path), path);
      seenByUs.put(path, known);
    }
    return known;
  }

  /**
   * Whether {@code pid} sees paths as this process does: the same root and mount namespace. Only on
   * the live /proc; a link that cannot be read says no, and its root is then read itself.
   */
  boolean seesAsWeDo(int pid) {
    if (!fs.isLive()) {
      return false;
    }
    try {
      if (ourNamespace == null) {
        ourNamespace = Files.readSymbolicLink(fs.root().resolve("self/ns/mnt")).toString();
      }
      return Files.readSymbolicLink(fs.path(pid, "root")).toString().equals("/")
          && Files.readSymbolicLink(fs.path(pid, "ns/mnt")).toString().equals(ourNamespace);
    } catch (IOException e) {
      return false;
    }
  }

  /** The file's device and inode, following links; {@code what} names it in a reason. */
  static Field<Map<String, Object>> key(Path file, String what) {
    try {
      return Field.of(Files.readAttributes(file, "unix:dev,ino"));
    } catch (NoSuchFileException e) {
      return Field.absent(MISSING);
    } catch (AccessDeniedException e) {
      return Field.absent(what + " not readable: permission denied");
    } catch (FileSystemException e) {
      // A component of the path that is a file now (ENOTDIR): nothing is at the path any more.
      return "Not a directory".equals(e.getReason())
          ? Field.absent(MISSING)
          : Field.absent(file + " not readable: " + e.getMessage());
    } catch (IOException | UnsupportedOperationException e) {
      return Field.absent(file + " not readable: " + e.getMessage());
    }
  }
}
