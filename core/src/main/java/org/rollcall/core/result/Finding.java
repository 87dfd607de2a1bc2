package org.rollcall.core.result;

import java.util.List;

/**
 * One checked item: its state, the word that names it on mon's summary line (e.g. {@code cron:0}, a
 * host name) and the detail lines a person reads to learn what is wrong, where, and the numbers.
 */
public record Finding(Status status, String token, List<String> details) {
  public Finding {
    details = List.copyOf(details);
  }

  public static Finding ok(String token, String... details) {
    return new Finding(Status.OK, token, List.of(details));
  }

  public static Finding of(Status status, String token, String... details) {
    return new Finding(status, token, List.of(details));
  }

  public boolean failed() {
    return status != Status.OK;
  }
}
