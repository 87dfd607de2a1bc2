package org.rollcall.core.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The argument lists an executable runs without picocli, its plain path, as its registry entry
 * declares them ({@code plain=words} or {@code plain=no-words} in {@code META-INF/rollcall/NAME};
 * no such line: never). In each shape the only option is {@code --nagios}, at most once (picocli
 * refuses it twice), and a word is an argument that is neither empty nor starts with {@code -}: so
 * picocli would make every word a positional parameter and leave every other option at its default.
 * The arguments are those after {@link ArgumentFiles} expanded them (an {@code @X} left is a
 * literal word). The launcher script reads the same declaration from {@code lib/classes} to pick
 * the plain class-data archive, with the same test, reading an argument file's lines as Java does.
 */
public enum PlainShape {
  /** Always parsed by picocli. */
  NEVER("-"),
  /** One word or more (ps.monitor's rules). */
  WORDS("words"),
  /**
   * No word: nothing, or {@code --nagios} alone (cpu.monitor and exclusion.monitor with every
   * default).
   */
  NO_WORDS("no-words");

  private final String declared;

  PlainShape(String declared) {
    this.declared = declared;
  }

  /** The shape a registry entry's {@code plain=} line (or the launcher's property) names. */
  public static PlainShape declared(String text) {
    for (PlainShape shape : values()) {
      if (shape.declared.equals(text)) {
        return shape;
      }
    }
    throw new IllegalArgumentException("plain=" + text + " is not words or no-words");
  }

  /** How a registry entry names this shape. */
  public String declaration() {
    return declared;
  }

  /**
   * Gives {@code command} its {@code args} ({@link Launchable#takePlain}) and returns true when
   * they have this shape; returns false, leaving the command untouched, when picocli must parse
   * them.
   */
  public boolean take(Launchable command, String[] args) {
    List<String> words = words(args);
    if (words == null) {
      return false;
    }
    // The shape's only option is --nagios: an argument that is not a word is that.
    command.takePlain(words, words.size() < args.length);
    return true;
  }

  /** The words of {@code args} when they have this shape, else null (picocli must parse them). */
  public List<String> words(String[] args) {
    if (this == NEVER) {
      return null;
    }
    List<String> words = new ArrayList<>(args.length);
    boolean nagiosSeen = false;
    for (String arg : args) {
      if (arg.equals(MonitorOptions.NAGIOS) && !nagiosSeen) {
        nagiosSeen = true;
      } else if (arg.isEmpty() || arg.charAt(0) == '-') {
        return null;
      } else {
        words.add(arg);
      }
    }
    return words.isEmpty() == (this == NO_WORDS) ? words : null;
  }
}
