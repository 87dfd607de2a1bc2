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
        .add(Finding.of(second, "cron:0", "cron:1-5 has 0 matching processes, expected between 1 and 5"))
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
    assertThat(output()).isEqualTo("cron:0\ncron:1-5 has 0 matching processes, expected between 1 and 5\n");
  }

  @Test
  void monPrintsOneLineWhenAllHold() {
    assertThat(new MonRenderer().render(twoRules(Status.OK), out)).isZero();
    assertThat(output()).isEqualTo("2 rules hold: sshd:1 cron:1\n");
  }

  @Test
  void nagiosPrintsStateTextAndPerfdata() {
    assertThat(new NagiosRenderer().render(twoRules(Status.CRITICAL), out)).isEqualTo(2);
    assertThat(output()).isEqualTo("PS CRITICAL: 1 of 2 failed: cron:0 | sshd=1;;1:;0 cron=0;;1:5;0\n"
        + "cron:1-5 has 0 matching processes, expected between 1 and 5\n");
  }

  @Test
  void nagiosExitCodesFollowTheWorstState() {
    assertThat(new NagiosRenderer().render(twoRules(Status.OK), out)).isZero();
    assertThat(new NagiosRenderer().render(twoRules(Status.WARNING), out)).isEqualTo(1);
    assertThat(new NagiosRenderer().render(twoRules(Status.UNKNOWN), out)).isEqualTo(3);
    assertThat(output()).startsWith("PS OK: 2 rules hold: sshd:1 cron:1 | sshd=1;;1:;0 cron=0;;1:5;0\n");
  }

  @Test
  void hostileTextCannotAddLinesOrPerfdata() {
    Report report = new Report("PS").add(Finding.of(Status.CRITICAL, "evil\nOK:1", "a|b\rc", "\u001b[2J"))
        .addPerfdata(Perfdata.count("it's = x", 2, null)).addNote("note\nforged");
    new NagiosRenderer().render(report, out);
    assertThat(output()).isEqualTo("PS CRITICAL: 1 of 1 failed: evil\\nOK:1 | 'it_s _ x'=2;;;0\n"
        + "a/b\\rc\n\\x1b[2J\nnote\\nforged\n");
    StringWriter monText = new StringWriter();
    new MonRenderer().render(report, new PrintWriter(monText, true));
    assertThat(monText.toString()).isEqualTo("evil\\nOK:1\na|b\\rc\n\\x1b[2J\nnote\\nforged\n");
  }

  @Test
  void errorsAreOneLineAndAFailure() {
    assertThat(new MonRenderer().renderError("PS", "ps.monitor: bad", List.of(), out)).isEqualTo(1);
    assertThat(new NagiosRenderer().renderError("PS", "ps.monitor: bad", List.of("at x"), out)).isEqualTo(3);
    assertThat(output()).isEqualTo("ps.monitor: bad\nPS UNKNOWN: ps.monitor: bad\nat x\n");
  }

  @Test
  void perfdataFollowsTheGuidelines() {
    assertThat(new Perfdata("time", 0.0123, "s", Range.parseNagios("1"), Range.parseNagios("5"), 0.0, 10.0)
        .render()).isEqualTo("time=0.0123s;1;5;0;10");
    assertThat(Perfdata.count("sshd,!user=root", 0, Range.parseEtbemon("0-0")).render())
        .isEqualTo("sshd,!user_root=0;;0;0");
    assertThat(Perfdata.count("a b", 3, Range.parseNagios("@1:2")).render()).isEqualTo("'a b'=3;;@1:2;0");
  }

  @Test
  void worstStateRanksCriticalThenWarningThenUnknown() {
    assertThat(Status.worst(List.of())).isEqualTo(Status.OK);
    assertThat(Status.worst(List.of(Status.OK, Status.UNKNOWN))).isEqualTo(Status.UNKNOWN);
    assertThat(Status.worst(List.of(Status.UNKNOWN, Status.WARNING))).isEqualTo(Status.WARNING);
    assertThat(Status.worst(List.of(Status.WARNING, Status.CRITICAL, Status.UNKNOWN))).isEqualTo(Status.CRITICAL);
    assertThat(Status.CRITICAL.nagiosCode()).isEqualTo(2);
    assertThat(Status.UNKNOWN.nagiosCode()).isEqualTo(3);
  }
}
