package org.rollcall.monitors.exclusion;

import org.rollcall.core.match.Verdict;
import org.rollcall.core.proc.Field;
import org.rollcall.core.proc.ProcessEntry;
import org.rollcall.core.proc.SecurityLabel;

/** {@code --single-domain} and {@code --forbid-domain}: the process's SELinux type is TYPE. */
final class InDomain implements Judge {
  private final String domain;
  private final boolean forbidden;

  InDomain(String domain, boolean forbidden) {
    this.domain = domain;
    this.forbidden = forbidden;
  }

  @Override
  public Verdict test(ProcessEntry process) {
    Field<SecurityLabel> label = process.label();
    if (!label.isPresent()) {
      return Verdict.unknown(label.whyAbsent());
    }
    return Verdict.of(label.value().isSelinux() && label.value().type().equals(domain));
  }

  @Override
  public String offence(ProcessEntry process) {
    return forbidden
        ? "runs in forbidden SELinux domain " + domain
        : "runs in SELinux domain " + domain;
  }
}
