package org.rollcall.core.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.core.ids.FixedUserDirectory;
import org.rollcall.core.proc.CmdlineParser;
import org.rollcall.core.proc.FakeProc;
import org.rollcall.core.proc.Field;
import org.rollcall.core.proc.ProcessEntry;

/**
 * Command lines longer than the 8 MiB rollcall reads: any process can make its own that long (prctl
 * PR_SET_MM_MAP needs no privilege). What the start decides is decided; the rest is undecided,
 * never guessed.
 */
class LongCommandLineTest {
  private static final String HUGE = "x".repeat(9 << 20);

  @TempDir Path root;
  FakeProc proc;

  @BeforeEach
  void buildTree() {
    proc = new FakeProc(root);
    proc.process(1, "perl").cmdline("perl", "-e", "sleep 300", HUGE);
    proc.process(2, "python3").cmdline("python3", "-u", "/usr/sbin/rcl-tool", HUGE);
    proc.process(3, "perl").cmdline("perl", "-w", HUGE + "/rcl-tool");
    proc.process(4, "rcl-plain").cmdline(HUGE);
  }

  private Verdict test(String match, int pid) {
    ProcessEntry process = proc.fs().process(pid).orElseThrow();
    return new MatchParser(FixedUserDirectory.SAMPLE).parse(match).test(process);
  }

  @Test
  void namesFoundInTheStartAreDecided() {
    assertThat(test("perl", 1)).isEqualTo(Verdict.YES);
    assertThat(test("rcl-tool", 2)).isEqualTo(Verdict.YES);
    assertThat(test("python3", 2)).isEqualTo(Verdict.NO);
    assertThat(test("rcl-plain", 4)).isEqualTo(Verdict.YES);
    // The script is the argument the cut fell in: its name cannot be known.
    assertThat(test("rcl-tool", 3).isUnknown()).isTrue();
    assertThat(test("rcl-tool", 3).reason())
        .isEqualTo("the script's name is not in the first 8 MiB of the command " + "line");
  }

  @Test
  void argsAreDecidedWhenMoreTextCouldNotChangeTheAnswer() {
    assertThat(test("args=sleep 3", 1)).isEqualTo(Verdict.YES);
    assertThat(test("args=^perl -e ", 1)).isEqualTo(Verdict.YES);
    assertThat(test("args=^python", 1)).isEqualTo(Verdict.NO);
    assertThat(test("args=rcl-nothing", 1).isUnknown()).isTrue();
    assertThat(test("args=x$", 1).reason())
        .isEqualTo("command line longer than 8 MiB: only its start was read");
  }

  @Test
  void explainSaysTheCommandLineWasCut() {
    ProcessEntry process = proc.fs().process(1).orElseThrow();
    assertThat(
            ProcessDescription.lines(
                    process, FixedUserDirectory.SAMPLE, Field.absent("no boot time"))
                .get(4))
        .isEqualTo(
            "args: perl -e 'sleep 300' ... (command line longer than 8 MiB: only its start was read)");
    assertThat(CmdlineParser.parseCut("a\0bc\0de".getBytes(), 7)).containsExactly("a", "bc");
    assertThat(CmdlineParser.parseCut("abc".getBytes(), 3)).isEmpty();
  }
}
