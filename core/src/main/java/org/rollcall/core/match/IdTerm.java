package org.rollcall.core.match;

import org.rollcall.core.proc.Credentials;
import org.rollcall.core.proc.Field;
import org.rollcall.core.proc.ProcessEntry;

/**
 * {@code user=NAME|UID} or {@code group=NAME|GID}: the effective UID or GID from {@code status}.
 */
final class IdTerm implements Term {
  enum Kind {
    USER,
    GROUP
  }

  private final Kind kind;
  private final int id;
  private final String text;

  IdTerm(Kind kind, int id, String text) {
    this.kind = kind;
    this.id = id;
    this.text = text;
  }

  @Override
  public Verdict test(ProcessEntry process) {
    Field<Credentials> credentials = process.credentials();
    if (!credentials.isPresent()) {
      return Verdict.unknown(credentials.whyAbsent());
    }
    Credentials c = credentials.value();
    return Verdict.of((kind == Kind.USER ? c.effectiveUid() : c.effectiveGid()) == id);
  }

  @Override
  public int cost() {
    return 1;
  }

  @Override
  public ReadAhead readsAhead() {
    return ReadAhead.CREDENTIALS;
  }

  @Override
  public String text() {
    return text;
  }
}
