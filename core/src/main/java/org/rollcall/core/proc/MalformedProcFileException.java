package org.rollcall.core.proc;

import java.nio.file.Path;

/**
 * A /proc file whose content does not have the layout proc(5) documents; the message names the
 * file.
 */
public final class MalformedProcFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MalformedProcFileException(Path file, String problem) {
    this(file.toString(), problem);
  }

  /**
   * @param file the file's path as text (a scan names its files without building a Path each)
   */
  public MalformedProcFileException(String file, String problem) {
    super("malformed " + file + ": " + problem);
  }
}
