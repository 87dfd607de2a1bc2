package org.rollcall.core.match;

import org.rollcall.core.proc.Field;
import org.rollcall.core.proc.ProcessEntry;

/**
 * {@code rss>SIZE}, {@code threads<N}, {@code age<DURATION}, ...: the process's {@link Quantity} is
 * above (or below) the limit. Undecided when the value cannot be read (another user's fd directory,
 * a saved tree without the line), never taken as 0.
 */
final class QuantityTerm implements Term {
  private final Quantity quantity;
  private final boolean above;
  private final double limit;
  private final String text;

  QuantityTerm(Quantity quantity, boolean above, String limit, String text) {
    this.quantity = quantity;
    this.above = above;
    this.limit = quantity.scale.parse(limit, text);
    this.text = text;
  }

  @Override
  public Verdict test(ProcessEntry process) {
    Field<Double> value = quantity.of(process);
    if (!value.isPresent()) {
      return Verdict.unknown(value.whyAbsent());
    }
    return Verdict.of(above ? value.value() > limit : value.value() < limit);
  }

  @Override
  public String measure(ProcessEntry process) {
    return quantity.describe(process);
  }

  @Override
  public int cost() {
    return quantity.cost;
  }

  @Override
  public ReadAhead readsAhead() {
    return quantity.readsStat() ? ReadAhead.STAT : ReadAhead.NOTHING;
  }

  @Override
  public String text() {
    return text;
  }
}
