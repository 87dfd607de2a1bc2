package org.rollcall.core.proc;

import java.util.Objects;
import java.util.function.Function;

/**
 * A per-process value that may be absent, with the reason it is: another user's {@code exe} without
 * privilege, a kernel thread's missing executable, a kernel without SELinux labels. Absence is a
 * normal outcome, never an error, and the reason is kept so {@code --explain} and undecided rules
 * can say it.
 */
public final class Field<T> {
  private final T value;
  private final String whyAbsent;

  private Field(T value, String whyAbsent) {
    this.value = value;
    this.whyAbsent = whyAbsent;
  }

  public static <T> Field<T> of(T value) {
    return new Field<>(Objects.requireNonNull(value), null);
  }

  public static <T> Field<T> absent(String why) {
    return new Field<>(null, Objects.requireNonNull(why));
  }

  public boolean isPresent() {
    return value != null;
  }

  /** The value; call only when {@link #isPresent()}. */
  public T value() {
    if (value == null) {
      throw new IllegalStateException("absent: " + whyAbsent);
    }
    return value;
  }

  /** Why the value is absent, or null when present. */
  public String whyAbsent() {
    return whyAbsent;
  }

  public <R> Field<R> map(Function<T, R> mapper) {
    return value == null ? absent(whyAbsent) : of(mapper.apply(value));
  }

  @Override
  public String toString() {
    return value == null ? "(" + whyAbsent + ")" : value.toString();
  }
}
