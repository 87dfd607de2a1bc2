package org.rollcall.core.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Every executable on a class path: each registers itself with a resource {@code
 * META-INF/rollcall/NAME} naming its class, so the man pages and the package find what the build
 * holds instead of keeping a list.
 */
public final class ExecutableRegistry {
  static final String DIRECTORY = "META-INF/rollcall/";

  private ExecutableRegistry() {}

  /** The names registered in every jar and directory of {@code loader}'s class path, sorted. */
  public static List<String> names(ClassLoader loader) {
    TreeSet<String> names = new TreeSet<>();
    try {
      for (URL url : Collections.list(loader.getResources(DIRECTORY))) {
        if (url.getProtocol().equals("jar")) {
          JarURLConnection connection = (JarURLConnection) url.openConnection();
          connection.setUseCaches(false);
          try (JarFile jar = connection.getJarFile()) {
            jar.stream()
                .map(e -> e.getName())
                .filter(n -> n.startsWith(DIRECTORY) && n.length() > DIRECTORY.length())
                .map(n -> n.substring(DIRECTORY.length()))
                .filter(n -> !n.contains("/"))
                .forEach(names::add);
          }
        } else if (url.getProtocol().equals("file")) {
          try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            files
                .filter(Files::isRegularFile)
                .map(p -> p.getFileName().toString())
                .forEach(names::add);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    return List.copyOf(names);
  }
}
