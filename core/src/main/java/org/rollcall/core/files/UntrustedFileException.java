package org.rollcall.core.files;

import java.nio.file.FileSystemException;
import java.nio.file.Path;

/**
 * A file refused by {@link FileTrust}: its path, and the reason ("it is a symbolic link (to
 * /etc/shadow)").
 */
public final class UntrustedFileException extends FileSystemException {
  private static final long serialVersionUID = 1L;

  public UntrustedFileException(Path file, String reason) {
    super(file.toString(), null, reason);
  }

  /** Throws when {@code problem}, a {@link FileTrust} answer, is not null. */
  public static void refuseIf(Path file, String problem) throws UntrustedFileException {
    if (problem != null) {
      throw new UntrustedFileException(file, problem);
    }
  }
}
