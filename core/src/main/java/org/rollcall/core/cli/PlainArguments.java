package org.rollcall.core.cli;

import java.util.List;

/**
 * The arguments of a plain run as its {@link PlainShape} took them: its words, whether {@code
 * --nagios} came, and the value of each option an {@code options} shape lists. A command sets from
 * them exactly what picocli would set; every option not given keeps its default.
 */
public final class PlainArguments {
  private final List<String> words;
  private final boolean nagios;
  private final List<PlainOption> options;
  private final String[] values;

  PlainArguments(List<String> words, boolean nagios, List<PlainOption> options, String[] values) {
    this.words = words;
    this.nagios = nagios;
    this.options = options;
    this.values = values;
  }

  /** The words, in order (ps.monitor's rules); none for the other shapes. */
  public List<String> words() {
    return words;
  }

  /** Whether {@code --nagios} came. */
  public boolean nagios() {
    return nagios;
  }

  /**
   * The value given to the option named {@code name} (any of its names), or null when it was not
   * given or the shape does not list it; the empty string for a flag given.
   */
  public String value(String name) {
    PlainOption option = options == null ? null : PlainShape.find(options, name);
    return option == null ? null : values[options.indexOf(option)];
  }

  /** Whether the option (a flag, or one with a value) named {@code name} was given. */
  public boolean given(String name) {
    return value(name) != null;
  }
}
