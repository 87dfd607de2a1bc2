package org.rollcall.core.proc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProcFileReaderTest {
  @TempDir Path dir;

  /**
   * A one-line read stops after a whole line, and reads on for anything else: it never returns
   * less.
   */
  @ParameterizedTest
  @ValueSource(strings = {"sshd\n", "", "\n", "no line feed", "two\nlines\n", "a\nb", "x\n\n"})
  void aLineReadGivesTheWholeFile(String content) throws IOException {
    assertWholeFileRead(content);
  }

  @ParameterizedTest
  @ValueSource(ints = {4095, 4096, 4097, 10_000})
  void aLineReadOfALongFileGivesItAll(int length) throws IOException {
    assertWholeFileRead("x".repeat(length - 1) + "\n");
  }

  private void assertWholeFileRead(String content) throws IOException {
    Path file = Files.writeString(dir.resolve("comm"), content, StandardCharsets.ISO_8859_1);
    ProcFileReader reader = new ProcFileReader();
    assertThat(reader.readLine(file.toString())).isEqualTo(ProcFileReader.Outcome.READ);
    assertThat(new String(reader.bytes(), 0, reader.length(), StandardCharsets.ISO_8859_1))
        .isEqualTo(content);
  }

  @Test
  void aMissingFileIsMissing() {
    assertThat(new ProcFileReader().readLine(dir.resolve("gone").toString()))
        .isEqualTo(ProcFileReader.Outcome.MISSING);
  }
}
