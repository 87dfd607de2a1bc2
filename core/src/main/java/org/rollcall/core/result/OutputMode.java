package org.rollcall.core.result;

import java.io.PrintWriter;

/** The two output contracts rollcall speaks, each with its renderer. */
public enum OutputMode {
  MON(new MonRenderer()),
  NAGIOS(new NagiosRenderer());

  private final Renderer renderer;

  OutputMode(Renderer renderer) {
    this.renderer = renderer;
  }

  public Renderer renderer() {
    return renderer;
  }

  /** Renders {@code report} to {@code out} and returns the exit code. */
  public int render(Report report, PrintWriter out) {
    return renderer.render(report, out);
  }
}
