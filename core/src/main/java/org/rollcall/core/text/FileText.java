package org.rollcall.core.text;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;

/**
 * A small file's whole text, read through a {@link FileInputStream}. {@code Files.readString} would
 * do the same through NIO channels, whose first use loads two more native libraries and about 30
 * classes, for a file it reads in microseconds.
 */
public final class FileText {
  private FileText() {}

  /**
   * The text of {@code file}; bytes that are not valid in {@code charset} become U+FFFD. A file
   * that is missing or may not be read throws {@link java.io.FileNotFoundException} (with the
   * reason in its message).
   */
  public static String read(Path file, Charset charset) throws IOException {
    try (FileInputStream in = new FileInputStream(file.toString())) {
      return new String(in.readAllBytes(), charset);
    }
  }
}
