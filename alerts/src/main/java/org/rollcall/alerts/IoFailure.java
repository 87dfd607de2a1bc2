package org.rollcall.alerts;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Says why a file could not be written, as strerror(3) would: the JDK's file exceptions often carry
 * only the path ("/var/lib/rollcall/undelivered.log"), which tells a person nothing at 3 a.m.
 */
public final class IoFailure {
  private IoFailure() {}

  /** "/path: permission denied", "/path: Read-only file system", ... */
  public static String describe(IOException e) {
    return describe(e, null);
  }

  /**
   * As {@link #describe(IOException)}, without the path when it is {@code named}, which the message
   * names.
   */
  public static String describe(IOException e, Path named) {
    if (!(e instanceof FileSystemException failure)) {
      return String.valueOf(e.getMessage());
    }
    String why = failure.getReason();
    if (why == null) {
      why =
          e instanceof AccessDeniedException
              ? "permission denied"
              : e instanceof NoSuchFileException
                  ? "no such file or directory"
                  : e instanceof FileAlreadyExistsException
                      ? "exists and is not a directory"
                      : e.getClass().getSimpleName();
    }
    String file = failure.getFile();
    return file == null || named != null && file.equals(named.toString()) ? why : file + ": " + why;
  }
}
