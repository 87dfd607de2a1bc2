package org.rollcall.monitors;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs rollcall executables the way mon does: a separate JVM through the real entry point, stdout
 * and stderr kept apart so tests can check that nothing reaches stderr.
 */
public final class Executables {
  private Executables() {}

  /** What one run printed and returned. */
  public record Run(int exit, String stdout, String stderr, long millis) {}

  public static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** {@code java -cp CLASSPATH Main name args...}, optionally behind a prefix such as setpriv. */
  public static List<String> command(
      String classPath, List<String> prefix, String name, String... args) {
    List<String> command = new ArrayList<>(prefix);
    command.add(java());
    if (Runtime.version().feature() >= 22) {
      // As the launchers and the jar manifest do: JNA's native access is intended, not worth a
      // warning.
      command.add("--enable-native-access=ALL-UNNAMED");
    }
    command.addAll(List.of("-cp", classPath, "org.rollcall.core.cli.Main", name));
    command.addAll(List.of(args));
    return command;
  }

  public static Run run(String name, String... args) {
    return exec(command(System.getProperty("java.class.path"), List.of(), name, args));
  }

  public static Run exec(List<String> command) {
    try {
      long start = System.nanoTime();
      Process process =
          new ProcessBuilder(command)
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .start();
      CompletableFuture<String> out = read(process.getInputStream());
      CompletableFuture<String> err = read(process.getErrorStream());
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("still running after 60 s: " + command);
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      return new Run(process.exitValue(), out.join(), err.join(), millis);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  public static CompletableFuture<String> read(InputStream in) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /**
   * A copy of this test's class path in a directory every user can read, so the executables can run
   * as another user (root's Maven repository is private).
   */
  public static String worldReadableClassPath(Path dir) throws IOException {
    List<String> entries = new ArrayList<>();
    int n = 0;
    for (String entry : System.getProperty("java.class.path").split(":")) {
      Path source = Path.of(entry);
      if (!Files.exists(source)) {
        continue;
      }
      Path target = dir.resolve("cp" + n++ + (Files.isDirectory(source) ? "" : ".jar"));
      copyTree(source, target);
      entries.add(target.toString());
    }
    openUp(dir);
    return String.join(":", entries);
  }

  private static void copyTree(Path source, Path target) throws IOException {
    try (Stream<Path> paths = Files.walk(source)) {
      for (Path p : paths.toList()) {
        Files.copy(
            p,
            target.resolve(source.relativize(p).toString()),
            StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  /**
   * Makes {@code dir} and everything below it readable (and directories searchable) by everyone.
   */
  public static void openUp(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.toList()) {
        Files.setPosixFilePermissions(
            p,
            PosixFilePermissions.fromString(
                Files.isDirectory(p) || Files.isExecutable(p) ? "rwxr-xr-x" : "rw-r--r--"));
      }
    }
  }
}
