package org.rollcall.monitors.nagios;

import java.util.ArrayList;
import java.util.List;

/**
 * A Nagios plugin's output split as the plugin guidelines define it: line 1 is {@code TEXT |
 * PERFDATA}; later lines are long output, and the first {@code |} in them starts perfdata that runs
 * to the end.
 *
 * @param text line 1 before its {@code |}, trimmed
 * @param longOutput the long output's text lines
 * @param perfdata every perfdata part, line 1's first
 */
record PluginOutput(String text, List<String> longOutput, List<String> perfdata) {
  PluginOutput {
    longOutput = List.copyOf(longOutput);
    perfdata = List.copyOf(perfdata);
  }

  static PluginOutput parse(String stdout) {
    String[] lines = stdout.split("\r?\n", -1);
    List<String> perfdata = new ArrayList<>();
    String first = lines[0];
    int bar = first.indexOf('|');
    String text = (bar < 0 ? first : first.substring(0, bar)).trim();
    addPerfdata(perfdata, bar < 0 ? "" : first.substring(bar + 1));
    List<String> longOutput = new ArrayList<>();
    boolean inPerfdata = false;
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i];
      if (inPerfdata) {
        addPerfdata(perfdata, line);
        continue;
      }
      int split = line.indexOf('|');
      if (split >= 0) {
        inPerfdata = true;
        addPerfdata(perfdata, line.substring(split + 1));
        line = line.substring(0, split);
      }
      if (!line.isBlank()) {
        longOutput.add(line.stripTrailing());
      }
    }
    return new PluginOutput(text, longOutput, perfdata);
  }

  private static void addPerfdata(List<String> perfdata, String part) {
    if (!part.isBlank()) {
      perfdata.add(part.trim());
    }
  }
}
