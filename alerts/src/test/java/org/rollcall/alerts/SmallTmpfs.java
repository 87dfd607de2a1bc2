package org.rollcall.alerts;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A 64 KiB tmpfs mounted on a directory of the test's, to fill up: a disk that is full, or has
 * exactly one page left. Needs root; unmounted on close.
 */
public final class SmallTmpfs implements AutoCloseable {
  /** tmpfs hands out whole pages. */
  public static final int PAGE = 4096;

  private final Path dir;
  private final Path filler;

  public SmallTmpfs(Path parent) throws IOException, InterruptedException {
    assumeTrue("root".equals(System.getProperty("user.name")), "needs root to mount a small tmpfs");
    dir = Files.createDirectory(parent.resolve("small-disk"));
    run("mount", "-t", "tmpfs", "-o", "size=64k,mode=0755", "rollcall-full-disk", dir.toString());
    filler = dir.resolve("filler");
  }

  public Path dir() {
    return dir;
  }

  /**
   * Fills the file system, then frees {@code pages} whole pages: exactly that much room is left.
   */
  public SmallTmpfs fillLeaving(int pages) throws IOException {
    try (FileChannel out =
        FileChannel.open(filler, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      ByteBuffer page = ByteBuffer.allocate(PAGE);
      try {
        while (true) {
          out.write(page.clear(), out.size());
        }
      } catch (IOException full) {
        // No space left on device: the disk is full.
      }
      long whole = out.size() / PAGE * PAGE;
      out.truncate(Math.max(0, whole - (long) pages * PAGE));
    }
    return this;
  }

  /** Bytes a new file can still take. */
  public long free() throws IOException {
    return Files.getFileStore(dir).getUsableSpace();
  }

  @Override
  public void close() throws IOException {
    try {
      try {
        run("umount", dir.toString());
      } catch (IOException busy) {
        run("umount", "-l", dir.toString());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while unmounting " + dir, e);
    }
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + output);
    }
  }
}
