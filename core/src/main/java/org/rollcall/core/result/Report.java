package org.rollcall.core.result;

import java.util.ArrayList;
import java.util.List;

/**
 * What a monitor found: its findings, the line that says what held when nothing failed, perfdata
 * for Nagios and notes (lines a person should read whatever the state, such as fields the monitor
 * could not read). Renderers turn it into mon's or Nagios's output; commands never format status
 * lines themselves.
 */
public final class Report {
  private final String service;
  private final List<Finding> findings = new ArrayList<>();
  private final List<Perfdata> perfdata = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private String okSummary = "";
  private String headline;

  /**
   * @param service the short upper-case name Nagios output starts with, e.g. "PS"
   */
  public Report(String service) {
    this.service = service;
  }

  public Report add(Finding finding) {
    findings.add(finding);
    return this;
  }

  public Report addPerfdata(Perfdata value) {
    perfdata.add(value);
    return this;
  }

  public Report addNote(String note) {
    notes.add(note);
    return this;
  }

  public Report okSummary(String summary) {
    this.okSummary = summary;
    return this;
  }

  /**
   * One line that states the whole result whatever its state, as check_procs words it ("0 processes
   * with command name 'sshd'"): both renderers print it on line 1 in place of the failing items or
   * the all-is-well summary.
   */
  public Report headline(String text) {
    this.headline = text;
    return this;
  }

  /** The line set by {@link #headline(String)}, or null. */
  public String headline() {
    return headline;
  }

  public String service() {
    return service;
  }

  public List<Finding> findings() {
    return List.copyOf(findings);
  }

  public List<Finding> failures() {
    List<Finding> failures = new ArrayList<>();
    for (Finding finding : findings) {
      if (finding.failed()) {
        failures.add(finding);
      }
    }
    return List.copyOf(failures);
  }

  public List<Perfdata> perfdata() {
    return List.copyOf(perfdata);
  }

  public List<String> notes() {
    return List.copyOf(notes);
  }

  public String okSummary() {
    return okSummary;
  }

  public Status status() {
    Status worst = Status.OK;
    for (Finding finding : findings) {
      worst = worst.worst(finding.status());
    }
    return worst;
  }
}
