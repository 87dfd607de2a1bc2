package org.rollcall.dist;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * dpkg on this machine: installing and removing the built package, and what the mon package owns.
 */
final class Dpkg {
  static final Path LAUNCHER = Path.of("/usr/share/rollcall/bin/rollcall");

  private Dpkg() {}

  /**
   * Skips unless the package can really be installed here: root, dpkg, and (for its placement) mon.
   */
  static void assumeInstallable() {
    assumeTrue(Shell.isRoot(), "installing a .deb needs root");
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/dpkg")), "dpkg is not installed");
    assumeTrue(installed("mon"), "mon is not installed (Debian package mon)");
  }

  static boolean installed(String pkg) {
    return Shell.run("dpkg-query", "-W", "-f=${Status}", pkg)
        .stdout()
        .equals("install ok installed");
  }

  static void install() {
    Shell.ok("dpkg", "-i", Built.deb().toString());
  }

  static void purge() {
    Shell.ok("dpkg", "--purge", "rollcall");
  }

  /**
   * Every file of {@code pkg} that exists, with its mode, owner and content checksum (or link
   * target).
   */
  static Map<String, String> snapshot(String pkg) {
    Map<String, String> files = new TreeMap<>();
    for (String line : Shell.ok("dpkg", "-L", pkg).split("\n")) {
      Path path = Path.of(line);
      if (!line.startsWith("/") || !Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      files.put(line, describe(path));
    }
    return files;
  }

  /** What dpkg-divert knows: one line per diversion. */
  static List<String> diversions() {
    return List.of(Shell.ok("dpkg-divert", "--list").split("\n"));
  }

  private static String describe(Path path) {
    try {
      if (Files.isSymbolicLink(path)) {
        return "-> " + Files.readSymbolicLink(path);
      }
      String mode =
          Files.getAttribute(path, "unix:mode") + " " + Files.getAttribute(path, "unix:uid");
      if (Files.isDirectory(path)) {
        return "dir " + mode;
      }
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(path));
      return mode + " " + HexFormat.of().formatHex(digest);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
