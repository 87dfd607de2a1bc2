package org.rollcall.core.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class RenderersTest {
  private final StringWriter text = new StringWriter();
  private final PrintWriter out = new PrintWriter(text);

  private static Report twoRules(Status second) {
    return new Report("PS")
        .add(Finding.ok("sshd:1"))
        .add(
            Finding.of(
                second, "cron:0", "cron:1-5 has 0 matching processes, expected between 1 and 5"))
        .addPerfdata(Perfdata.count("sshd", 1, Range.parseEtbemon("1-")))
        .addPerfdata(Perfdata.count("cron", 0, Range.parseEtbemon("1-5")))
        .okSummary("2 rules hold: sshd:1 cron:1");
  }

  private String output() {
    out.flush();
    return text.toString();
  }

  @Test
  void monPrintsFailingTokensThenDetails() {
    assertThat(new MonRenderer().render(twoRules(Status.CRITICAL), out)).isEqualTo(1);
    assertThat(output())
        .isEqualTo("cron:0\ncron:1-5 has 0 matching processes, expected between 1 and 5\n");
  }

  @Test
  void monPrintsOneLineWhenAllHold() {
    assertThat(new MonRenderer().render(twoRules(Status.OK), out)).isZero();
    assertThat(output()).isEqualTo("2 rules hold: sshd:1 cron:1\n");
  }

  @Test
  void nagiosPrintsStateTextAndPerfdata() {
    assertThat(new NagiosRenderer().render(twoRules(Status.CRITICAL), out)).isEqualTo(2);
    assertThat(output())
        .isEqualTo(
            "PS CRITICAL: 1 of 2 failed: cron:0 | sshd=1;;1:;0 cron=0;;1:5;0\n"
                + "cron:1-5 has 0 matching processes, expected between 1 and 5\n");
  }

  @Test
  void nagiosExitCodesFollowTheWorstState() {
    assertThat(new NagiosRenderer().render(twoRules(Status.OK), out)).isZero();
    assertThat(new NagiosRenderer().render(twoRules(Status.WARNING), out)).isEqualTo(1);
    assertThat(new NagiosRenderer().render(twoRules(Status.UNKNOWN), out)).isEqualTo(3);
    assertThat(output())
        .startsWith("PS OK: 2 rules hold: sshd:1 cron:1 | sshd=1;;1:;0 cron=0;;1:5;0\n");
  }

  @Test
  void hostileTextCannotAddLinesOrPerfdata() {
    Report report =
        new Report("PS")
            .add(Finding.of(Status.CRITICAL, "evil\nOK:1", "a|b\rc", "\u001b[2J"))
            .addPerfdata(Perfdata.count("it's = x", 2, null))
            .addNote("note\nforged");
    new NagiosRenderer().render(report, out);
    assertThat(output())
        .isEqualTo(
            "PS CRITICAL: 1 of 1 failed: evil\\nOK:1 | 'it_s _ x'=2;;;0\n"
                + "a/b\\rc\n\\x1b[2J\nnote\\nforged\n");
    StringWriter monText = new StringWriter();
    new MonRenderer().render(report, new PrintWriter(monText, true));
    assertThat(monText.toString()).isEqualTo("evil\\nOK:1\na|b\\rc\n\\x1b[2J\nnote\\nforged\n");
  }

  @Test
  void errorsAreOneLineAndAFailure() {
    assertThat(new MonRenderer().renderError("PS", "ps.monitor: bad", List.of(), out)).isEqualTo(1);
    assertThat(new NagiosRenderer().renderError("PS", "ps.monitor: bad", List.of("at x"), out))
        .isEqualTo(3);
    assertThat(output()).isEqualTo("ps.monitor: bad\nPS UNKNOWN: ps.monitor: bad\nat x\n");
  }

  @Test
  void perfdataFollowsTheGuidelines() {
    assertThat(
            new Perfdata(
                    "time", 0.0123, "s", Range.parseNagios("1"), Range.parseNagios("5"), 0.0, 10.0)
                .render())
        .isEqualTo("time=0.0123s;1;5;0;10");
    assertThat(Perfdata.count("sshd,!user=root", 0, Range.parseEtbemon("0-0")).render())
        .isEqualTo("sshd,!user_root=0;;0;0");
    assertThat(Perfdata.count("a b", 3, Range.parseNagios("@1:2")).render())
        .isEqualTo("'a b'=3;;@1:2;0");
  }

  @Test
  void worstStateRanksCriticalThenWarningThenUnknown() {
    assertThat(Status.worst(List.of())).isEqualTo(Status.OK);
    assertThat(Status.worst(List.of(Status.OK, Status.UNKNOWN))).isEqualTo(Status.UNKNOWN);
    assertThat(Status.worst(List.of(Status.UNKNOWN, Status.WARNING))).isEqualTo(Status.WARNING);
    assertThat(Status.worst(List.of(Status.WARNING, Status.CRITICAL, Status.UNKNOWN)))
        .isEqualTo(Status.CRITICAL);
    assertThat(Status.CRITICAL.nagiosCode()).isEqualTo(2);
    assertThat(Status.UNKNOWN.nagiosCode()).isEqualTo(3);
  }

  /** 10,000 failing rules whose names take two bytes a letter in UTF-8, each with its perfdata. */
  private static Report manyFailures() {
    Report report = new Report("PS");
    for (int i = 0; i < 10_000; i++) {
      String name = "prüfé-" + i;
      report
          .add(Finding.of(Status.CRITICAL, name + ":0", name + ":1- has 0 matching processes"))
          .addPerfdata(Perfdata.count(name, 0, Range.parseEtbemon("1-")));
    }
    return report;
  }

  @Test
  void monCapsItsSummaryAt500BytesAndKeepsEveryDetail() {
    new MonRenderer().render(manyFailures(), out);
    List<String> lines = output().lines().toList();
    String summary = lines.get(0);
    String shown = summary.substring(0, summary.indexOf(" ... and "));
    int count = shown.split(" ").length;
    assertThat(utf8(shown))
        .isLessThanOrEqualTo(500)
        .isGreaterThan(500 - utf8(" prüfé-" + count + ":0"));
    assertThat(summary)
        .startsWith("prüfé-0:0 prüfé-1:0 ")
        .endsWith(" prüfé-" + (count - 1) + ":0 ... and " + (10_000 - count) + " more");
    assertThat(lines).hasSize(10_001);
    assertThat(lines.get(10_000)).isEqualTo("prüfé-9999:1- has 0 matching processes");
  }

  @Test
  void nagiosLineOneFitsNrpesPacketAndTheRestOfThePerfdataFollowsTheLongOutput() {
    new NagiosRenderer().render(manyFailures(), out);
    List<String> lines = output().lines().toList();
    String first = lines.get(0);
    assertThat(first).startsWith("PS CRITICAL: 10000 of 10000 failed: prüfé-0:0 prüfé-1:0 ");
    String text = first.substring(0, first.indexOf(" | "));
    assertThat(utf8(text.substring(text.indexOf("failed: ") + 8, text.indexOf(" ... and "))))
        .isLessThanOrEqualTo(500);
    List<String> onLineOne = List.of(first.substring(first.indexOf(" | ") + 3).split(" "));
    int next = onLineOne.size();
    // As full as it can be: line 1 and its newline fit in 1,024 bytes, and the next value would not
    // have.
    assertThat(utf8(first) + 1).isLessThanOrEqualTo(1024);
    assertThat(utf8(first + " prüfé-" + next + "=0;;1:;0") + 1).isGreaterThan(1024);
    assertThat(onLineOne)
        .startsWith("prüfé-0=0;;1:;0")
        .endsWith("prüfé-" + (next - 1) + "=0;;1:;0");
    assertThat(lines.subList(1, 10_001))
        .allMatch(line -> line.endsWith(":1- has 0 matching processes"));
    assertThat(lines.get(10_001)).isEqualTo("| prüfé-" + next + "=0;;1:;0");
    assertThat(lines).hasSize(10_001 + 10_000 - next).last().isEqualTo("prüfé-9999=0;;1:;0");
  }

  @Test
  void aFirstTokenLongerThanTheCapIsCut() {
    Report report =
        new Report("PS")
            .add(Finding.of(Status.CRITICAL, "é".repeat(400) + ":0", "long"))
            .add(Finding.of(Status.CRITICAL, "b:0", "b"));
    new MonRenderer().render(report, out);
    assertThat(output()).isEqualTo("é".repeat(250) + "... ... and 1 more\nlong\nb\n");
  }

  @Test
  void aLongAllIsWellLineIsCutAtASpace() {
    StringBuilder summary = new StringBuilder("200 rules hold:");
    for (int i = 0; i < 200; i++) {
      summary.append(" rule-").append(i).append(":1");
    }
    new MonRenderer()
        .render(new Report("PS").add(Finding.ok("x")).okSummary(summary.toString()), out);
    String line = output().lines().findFirst().orElseThrow();
    assertThat(line).startsWith("200 rules hold: rule-0:1 ").endsWith(":1 ...");
    assertThat(utf8(line)).isLessThanOrEqualTo(504);
  }

  private static int utf8(String text) {
    return text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
  }
}
