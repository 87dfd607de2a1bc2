package org.rollcall.core.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.rollcall.core.result.Finding;
import org.rollcall.core.result.Renderer;
import org.rollcall.core.result.Report;
import org.rollcall.core.result.Status;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

class LauncherTest {
  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  private final AtomicInteger halted = new AtomicInteger(-1);
  private final Launcher launcher =
      new Launcher(new PrintStream(stdout, true, StandardCharsets.UTF_8), halted::set);

  /** A monitor that does what its options say: fail, throw, or sleep past its deadline. */
  @Command(name = "test.monitor", mixinStandardHelpOptions = true)
  static class TestMonitor implements Launchable {
    @Mixin MonitorOptions options = new MonitorOptions();

    @Option(names = "--sleep")
    long sleepMillis;

    @Option(names = "--throw")
    String throwMessage;

    @Option(names = "--out-of-memory")
    boolean outOfMemory;

    @Parameters java.util.List<String> items = new java.util.ArrayList<>();

    boolean tookPlain;

    @Override
    public String service() {
      return "TEST";
    }

    @Override
    public RunSettings settings() {
      return options.settings();
    }

    /** Registered with {@code plain=words}, so runs of words alone take the plain path. */
    @Override
    public void takePlain(PlainArguments given) {
      tookPlain = true;
      options.takePlain(given);
      items.addAll(given.words());
    }

    @Override
    public int run(Deadline deadline, PrintWriter out) throws Exception {
      if (outOfMemory) {
        throw new OutOfMemoryError("Java heap space");
      }
      if (throwMessage != null) {
        throw new IllegalStateException(throwMessage);
      }
      Thread.sleep(sleepMillis);
      Report report = new Report("TEST").okSummary("all fine");
      items.forEach(item -> report.add(Finding.of(Status.CRITICAL, item, item + " is broken")));
      return options.mode().render(report, out);
    }
  }

  private String output() {
    return stdout.toString(StandardCharsets.UTF_8);
  }

  @Test
  void rendersTheReportInEitherContract() {
    assertThat(launcher.execute(new TestMonitor(), "a", "b")).isEqualTo(1);
    assertThat(launcher.execute(new TestMonitor(), "--nagios", "a")).isEqualTo(2);
    assertThat(launcher.execute(new TestMonitor())).isZero();
    assertThat(output())
        .isEqualTo(
            "a b\na is broken\nb is broken\n"
                + "TEST CRITICAL: 1 of 1 failed: a\na is broken\nall fine\n");
  }

  @Test
  void usageErrorsAreOneLineExit1OrUnknown3() {
    assertThat(launcher.execute(new TestMonitor(), "--bogus")).isEqualTo(1);
    assertThat(launcher.execute(new TestMonitor(), "--nagios", "--timeout", "x")).isEqualTo(3);
    assertThat(launcher.execute(new TestMonitor(), "--timeout", "-1")).isEqualTo(1);
    assertThat(output())
        .isEqualTo(
            "test.monitor: Unknown option: '--bogus' (see test.monitor --help)\n"
                + "TEST UNKNOWN: test.monitor: Invalid value for option '--timeout': 'x' is not a double"
                + " (see test.monitor --help)\n"
                + "test.monitor: --timeout must be more than 0 and at most 86400 seconds, not -1"
                + " (see test.monitor --help)\n");
  }

  @Test
  void aZeroTimeoutIsRefusedWithAMessageThatDoesNotContradictItself() {
    // It read "must be between 0 and 86400 seconds, not 0.0": 0 is refused because a run must never
    // hang.
    assertThat(launcher.execute(new TestMonitor(), "--timeout", "0")).isEqualTo(1);
    assertThat(launcher.execute(new TestMonitor(), "--timeout", "86400.5")).isEqualTo(1);
    assertThat(output())
        .isEqualTo(
            "test.monitor: --timeout must be more than 0 and at most 86400 seconds, not 0 (see test.monitor --help)\n"
                + "test.monitor: --timeout must be more than 0 and at most 86400 seconds, not 86400.5"
                + " (see test.monitor --help)\n");
  }

  @Test
  void runningOutOfMemoryIsOneLineAndUnknownForNagios() {
    // Uncaught, it went to the silenced stderr: no output at all, and exit 1 (WARNING) under
    // Nagios.
    assertThat(launcher.execute(new TestMonitor(), "--nagios", "--out-of-memory")).isEqualTo(3);
    assertThat(output())
        .isEqualTo(
            "TEST UNKNOWN: test.monitor: error: OutOfMemoryError: Java heap space\n"
                + "(run with -v for the stack trace)\n");
  }

  @Test
  void helpExitsZeroForMonAndUnknownForNagios() {
    assertThat(launcher.execute(new TestMonitor(), "--help")).isZero();
    assertThat(launcher.execute(new TestMonitor(), "--help", "--nagios")).isEqualTo(3);
    assertThat(output()).startsWith("Usage: test.monitor");
  }

  @Test
  void helpAndUsageErrorsNameTheNameTheExecutableWasCalledBy() {
    Launcher nagiosName =
        new Launcher(
            new PrintStream(stdout, true, StandardCharsets.UTF_8),
            halted::set,
            "check_rollcall_test");
    assertThat(nagiosName.execute(new TestMonitor(), "--nagios", "--help")).isEqualTo(3);
    assertThat(output()).startsWith("Usage: check_rollcall_test [");
    stdout.reset();
    assertThat(nagiosName.execute(new TestMonitor(), "--nagios", "--bogus")).isEqualTo(3);
    assertThat(output())
        .isEqualTo(
            "TEST UNKNOWN: check_rollcall_test: Unknown option: '--bogus'"
                + " (see check_rollcall_test --help)\n");
  }

  @Test
  void unexpectedExceptionsAreOneLineWithTheTraceOnlyWhenVerbose() {
    assertThat(launcher.execute(new TestMonitor(), "--throw", "boom")).isEqualTo(1);
    assertThat(output())
        .isEqualTo(
            "test.monitor: error: IllegalStateException: boom\n"
                + "(run with -v for the stack trace)\n");
    stdout.reset();
    assertThat(launcher.execute(new TestMonitor(), "--nagios", "-v", "--throw", "boom"))
        .isEqualTo(3);
    assertThat(output())
        .startsWith(
            "TEST UNKNOWN: test.monitor: error: IllegalStateException: boom\n"
                + "java.lang.IllegalStateException: boom\n\\tat org.rollcall.core.cli.LauncherTest");
  }

  @Test
  void theDeadlineEndsARunThatOverstaysAndItsLateOutputIsDropped() {
    long start = System.nanoTime();
    int code = launcher.execute(new TestMonitor(), "--timeout", "0.3", "--sleep", "1500", "late");
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(halted.get()).isEqualTo(1);
    assertThat(code).isEqualTo(1);
    assertThat(output()).isEqualTo("test.monitor: timed out after 0.3 s (--timeout)\n");
    assertThat(millis).isGreaterThanOrEqualTo(1500);
  }

  @Test
  void nagiosTimeoutsAreUnknown() {
    launcher.execute(new TestMonitor(), "--nagios", "-t", "0.2", "--sleep", "800");
    assertThat(halted.get()).isEqualTo(3);
    assertThat(output())
        .isEqualTo("TEST UNKNOWN: test.monitor: timed out after 0.2 s (--timeout)\n");
  }

  @Test
  void aSignalCutsTheRunShortWithOneLineNamingItAndWhatWasPending() throws Exception {
    TestMonitor monitor =
        new TestMonitor() {
          @Override
          public String pending() {
            return "a peer";
          }
        };
    Thread signal = signalOnceRunning("SIGTERM");
    int code = launcher.execute(monitor, "--sleep", "1500", "late");
    signal.join();
    assertThat(halted.get()).isEqualTo(1);
    assertThat(code).isEqualTo(1);
    assertThat(output())
        .isEqualTo("test.monitor: interrupted by SIGTERM while waiting for a peer\n");
  }

  @Test
  void aSignalUnderNagiosIsUnknownAndASecondSignalChangesNothing() throws Exception {
    Thread first = signalOnceRunning("SIGHUP");
    Thread second = signalOnceRunning("SIGTERM");
    int code = launcher.execute(new TestMonitor(), "--nagios", "--sleep", "1500");
    first.join();
    second.join();
    assertThat(code).isEqualTo(3);
    assertThat(output()).matches("TEST UNKNOWN: test.monitor: interrupted by SIG(HUP|TERM)\n");
  }

  @Test
  void aSignalAfterTheAnswerChangesNothing() {
    assertThat(launcher.execute(new TestMonitor(), "a")).isEqualTo(1);
    launcher.interrupt("SIGTERM");
    assertThat(halted.get()).isEqualTo(-1);
    assertThat(output()).isEqualTo("a\na is broken\n");
  }

  /**
   * A stdout nobody reads blocks the answer's write: the deadline still ends the process, with the
   * run's code.
   */
  @Test
  void theDeadlineHoldsWhileTheAnswerIsBlockedOnStdout() throws Exception {
    CountDownLatch writing = new CountDownLatch(1);
    OutputStream blocked =
        new OutputStream() {
          @Override
          public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
          }

          @Override
          public void write(byte[] bytes, int offset, int length) {
            writing.countDown();
            try {
              new CountDownLatch(1).await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        };
    CompletableFuture<Integer> haltedWith = new CompletableFuture<>();
    Launcher stuck =
        new Launcher(new PrintStream(blocked, true, StandardCharsets.UTF_8), haltedWith::complete);
    Thread run = new Thread(() -> stuck.execute(new TestMonitor(), "--timeout", "0.5", "a"));
    run.setDaemon(true);
    long start = System.nanoTime();
    run.start();
    assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(haltedWith.get(10, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
    run.interrupt();
  }

  @Test
  void anUnusableCommandLineGoesToTheCommandWithTheArgumentsAsGiven() {
    String[][] seen = new String[1][];
    TestMonitor monitor =
        new TestMonitor() {
          @Override
          public int refused(String problem, String[] args, Renderer renderer, PrintWriter out) {
            seen[0] = args;
            out.print("kept: " + problem + "\n");
            return 7;
          }
        };
    assertThat(launcher.execute(monitor, "--timeout", "-1", "x")).isEqualTo(7);
    assertThat(seen[0]).containsExactly("--timeout", "-1", "x");
    assertThat(output()).startsWith("kept: test.monitor: --timeout must be");
  }

  @Test
  void aSecondStartAfterAnEarlySignalIsCutShortAtOnce() {
    System.setProperty(Launcher.INTERRUPTED_PROPERTY, "SIGTERM");
    try {
      assertThat(launcher.execute(new TestMonitor(), "--sleep", "5000")).isEqualTo(1);
    } finally {
      System.clearProperty(Launcher.INTERRUPTED_PROPERTY);
    }
    assertThat(output()).isEqualTo("test.monitor: interrupted by SIGTERM before it could answer\n");
  }

  @Test
  void aSignalBeforeTheRunBeganCutsItShortAsItBegins() {
    launcher.interrupt("SIGHUP");
    assertThat(launcher.execute(new TestMonitor(), "--sleep", "5000")).isEqualTo(1);
    assertThat(halted.get()).isEqualTo(1);
    assertThat(output()).isEqualTo("test.monitor: interrupted by SIGHUP before it could answer\n");
  }

  /**
   * Interrupts the launcher's run with {@code signal} once the run has started (its watchdog is
   * up).
   */
  private Thread signalOnceRunning(String signal) {
    Thread thread =
        new Thread(
            () -> {
              long deadline = System.nanoTime() + 10_000_000_000L;
              while (System.nanoTime() < deadline && !watchdogRunning()) {
                Thread.onSpinWait();
              }
              launcher.interrupt(signal);
            });
    thread.start();
    return thread;
  }

  private static boolean watchdogRunning() {
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().equals("rollcall-deadline")) {
        return true;
      }
    }
    return false;
  }

  @Test
  void executablesAreFoundByName() throws Exception {
    assertThat(Main.lookUp("test.monitor")).isInstanceOf(TestMonitor.class);
    assertThat(Registration.lookUp("test.monitor").plain()).isEqualTo(PlainShape.WORDS);
  }

  @Test
  void wordsAloneTakeThePlainPathAndGiveWhatPicocliGives() {
    TestMonitor plain = new TestMonitor();
    assertThat(launcher.execute(plain, "--nagios", "a")).isEqualTo(2);
    String plainOutput = output();
    stdout.reset();
    TestMonitor parsed = new TestMonitor();
    assertThat(launcher.executeParsed(parsed, "--nagios", "a")).isEqualTo(2);
    assertThat(output()).isEqualTo(plainOutput).startsWith("TEST CRITICAL: 1 of 1 failed: a\n");
    assertThat(plain.tookPlain).isTrue();
    assertThat(parsed.tookPlain).isFalse();
    TestMonitor withOption = new TestMonitor();
    launcher.execute(withOption, "a", "--sleep", "0");
    assertThat(withOption.tookPlain).isFalse();
  }

  @Test
  void namesThatCouldLeaveTheRegistryAreRefused() {
    for (String bad : new String[] {"", "../x", "a/b", "ps monitor", "ps.monitor\n", "é.monitor"}) {
      assertThat(Registration.isPlainName(bad)).as(bad).isFalse();
      assertThatThrownBy(() -> Main.lookUp(bad)).as(bad).hasMessage("bad name");
    }
    assertThat(Registration.isPlainName("check_rollcall-ps.monitor2")).isTrue();
  }

  @Test
  void theRegistryListsTheExecutablesOnTheClassPath() {
    assertThat(ExecutableRegistry.names(getClass().getClassLoader()))
        .containsExactly("test.monitor");
  }
}
