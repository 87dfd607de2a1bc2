package org.rollcall.core.cli;

import java.util.ArrayList;
import java.util.List;
import org.rollcall.core.text.Ascii;

/**
 * The argument lists an executable runs without picocli, its plain path, as its registry entry
 * declares them ({@code plain=SHAPE} in {@code META-INF/rollcall/NAME}; no such line: never):
 *
 * <ul>
 *   <li>{@code words}: one word or more (ps.monitor's rules);
 *   <li>{@code no-words}: nothing (cpu.monitor and exclusion.monitor with every default);
 *   <li>{@code nothing}: no argument at all, not even {@code --nagios} (ps.discover, which speaks
 *       only mon's contract, with every default);
 *   <li>{@code options OPTION...}: only the options listed, each at most once and each value a
 *       separate argument ({@code -w 5}, not {@code -w5} or {@code --warning=5}), no word
 *       (procs.monitor's check_procs command lines). An OPTION is its names separated by commas,
 *       then {@code =TYPE} when it takes a value: {@code -w,--warning=text}, {@code -k}. A {@code
 *       text} is an argument that is neither empty nor starts with {@code -}; a {@code count} 1 to
 *       9 ASCII digits; a {@code decimal} ASCII digits with an optional fraction: what Integer's
 *       and Double's {@code valueOf}, as picocli calls them, read alike.
 * </ul>
 *
 * <p>Every shape but {@code nothing} also takes {@code --nagios}, at most once (picocli refuses it
 * twice). A word is an argument that is neither empty nor starts with {@code -}: so picocli would
 * make every word a positional parameter, take each listed option and its value as written, and
 * leave every other option at its default. The arguments are those after {@link ArgumentFiles}
 * expanded them (an {@code @X} left is a literal word). The launcher script reads the same
 * declaration from {@code lib/classes} to pick the plain class-data archive, with the same test,
 * reading an argument file's lines as Java does.
 */
public final class PlainShape {
  /** Always parsed by picocli. */
  public static final PlainShape NEVER = new PlainShape("-", null);

  /** One word or more (ps.monitor's rules). */
  public static final PlainShape WORDS = new PlainShape("words", null);

  /**
   * No word: nothing, or {@code --nagios} alone (cpu.monitor and exclusion.monitor with every
   * default).
   */
  public static final PlainShape NO_WORDS = new PlainShape("no-words", null);

  /** No argument at all, not even {@code --nagios} (ps.discover with every default). */
  public static final PlainShape NOTHING = new PlainShape("nothing", null);

  private static final String OPTIONS = "options";

  private final String declared;

  /** The options an {@code options} shape takes, null for the others. */
  private final List<PlainOption> options;

  private PlainShape(String declared, List<PlainOption> options) {
    this.declared = declared;
    this.options = options;
  }

  /** The shape a registry entry's {@code plain=} line (or the launcher's property) names. */
  public static PlainShape declared(String text) {
    for (PlainShape shape : new PlainShape[] {NEVER, WORDS, NO_WORDS, NOTHING}) {
      if (shape.declared.equals(text)) {
        return shape;
      }
    }
    List<String> words = Ascii.words(text);
    if (words.size() < 2 || !words.get(0).equals(OPTIONS)) {
      throw new IllegalArgumentException(
          "plain=" + text + " is not words, no-words, nothing or options OPTION...");
    }
    List<PlainOption> options = new ArrayList<>();
    for (String option : words.subList(1, words.size())) {
      PlainOption parsed = PlainOption.declared(option);
      for (String name : parsed.names) {
        if (name.equals(MonitorOptions.NAGIOS)) {
          throw new IllegalArgumentException(
              "plain=" + text + " lists " + name + ", which every shape takes");
        }
        if (find(options, name) != null) {
          throw new IllegalArgumentException("plain=" + text + " lists " + name + " twice");
        }
      }
      options.add(parsed);
    }
    return new PlainShape(
        OPTIONS + " " + String.join(" ", words.subList(1, words.size())), options);
  }

  /** How a registry entry names this shape (an {@code options} shape with single spaces). */
  public String declaration() {
    return declared;
  }

  /**
   * Gives {@code command} its {@code args} ({@link Launchable#takePlain}) and returns true when
   * they have this shape; returns false, leaving the command untouched, when picocli must parse
   * them.
   */
  public boolean take(Launchable command, String[] args) {
    PlainArguments given = arguments(args);
    if (given == null) {
      return false;
    }
    command.takePlain(given);
    return true;
  }

  /** What {@code args} hold when they have this shape, else null (picocli must parse them). */
  public PlainArguments arguments(String[] args) {
    if (this == NEVER || (this == NOTHING && args.length > 0)) {
      return null;
    }
    List<String> words = new ArrayList<>(args.length);
    String[] values = options == null ? new String[0] : new String[options.size()];
    boolean nagiosSeen = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      PlainOption option = options == null ? null : find(options, arg);
      if (arg.equals(MonitorOptions.NAGIOS) && !nagiosSeen) {
        nagiosSeen = true;
      } else if (option != null && values[options.indexOf(option)] == null) {
        String value = "";
        if (!option.flag()) {
          if (i + 1 == args.length || !option.accepts(args[i + 1])) {
            return null;
          }
          value = args[++i];
        }
        values[options.indexOf(option)] = value;
      } else if (options != null || arg.isEmpty() || arg.charAt(0) == '-') {
        return null;
      } else {
        words.add(arg);
      }
    }
    if (this == WORDS ? words.isEmpty() : !words.isEmpty()) {
      return null;
    }
    return new PlainArguments(words, nagiosSeen, options, values);
  }

  static PlainOption find(List<PlainOption> options, String name) {
    for (PlainOption option : options) {
      if (option.names.contains(name)) {
        return option;
      }
    }
    return null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PlainShape shape && shape.declared.equals(declared);
  }

  @Override
  public int hashCode() {
    return declared.hashCode();
  }

  @Override
  public String toString() {
    return declared;
  }
}
