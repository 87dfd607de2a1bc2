package org.rollcall.core.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.rollcall.core.text.Ascii;

/**
 * One executable's registry entry, the resource {@code META-INF/rollcall/NAME}: its class on the
 * first line, then {@code plain=SHAPE} when it has a plain path ({@link PlainShape}). The build
 * copies every entry into the launcher's {@code lib/classes} as {@code NAME CLASS SHAPE}, so a run
 * finds both without searching the jars.
 */
public final class Registration {
  private final String className;
  private final PlainShape plain;

  Registration(String className, PlainShape plain) {
    this.className = className;
    this.plain = plain;
  }

  /** The entry registered for {@code name} on the class path. */
  public static Registration lookUp(String name) throws IOException {
    if (!isPlainName(name)) {
      throw new IllegalArgumentException("bad name");
    }
    ClassLoader loader = Registration.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(ExecutableRegistry.DIRECTORY + name)) {
      if (in == null) {
        throw new IllegalArgumentException("not on the class path");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  /**
   * The plain shape registered for {@code name}, or {@link PlainShape#NEVER} when nothing is
   * registered.
   */
  static PlainShape plainShapeOf(String name) {
    try {
      return lookUp(name).plain;
    } catch (IOException | IllegalArgumentException e) {
      return PlainShape.NEVER;
    }
  }

  /** An entry's text: the class, then {@code plain=SHAPE} or nothing; blank lines are ignored. */
  static Registration parse(String text) {
    String className = null;
    PlainShape plain = PlainShape.NEVER;
    int start = 0;
    while (start <= text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      String line = text.substring(start, end).trim();
      start = end + 1;
      if (line.isEmpty()) {
        continue;
      }
      if (className == null) {
        className = line;
      } else if (line.startsWith("plain=") && plain == PlainShape.NEVER) {
        plain = PlainShape.declared(line.substring("plain=".length()));
      } else {
        throw new IllegalArgumentException("unknown line '" + line + "' in its registry entry");
      }
    }
    if (className == null) {
      throw new IllegalArgumentException("its registry entry names no class");
    }
    return new Registration(className, plain);
  }

  /** The entry the launcher passed: its class and the plain shape it declares (null: never). */
  static Registration given(String className, String plain) {
    return new Registration(
        className, plain == null ? PlainShape.NEVER : PlainShape.declared(plain));
  }

  public String className() {
    return className;
  }

  public PlainShape plain() {
    return plain;
  }

  /** A new instance of the registered class. */
  public Launchable instantiate() throws ReflectiveOperationException {
    return (Launchable) Class.forName(className).getDeclaredConstructor().newInstance();
  }

  /** Whether {@code name} is all of [A-Za-z0-9_.-]: no path, nothing a shell would split. */
  static boolean isPlainName(String name) {
    return Ascii.isName(name);
  }
}
