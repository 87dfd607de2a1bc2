package org.rollcall.core.cli;

import java.nio.file.Path;
import org.rollcall.core.proc.ProcFs;
import picocli.CommandLine.Option;

/** {@code --proc-root DIR}, shared by every monitor that reads processes (a picocli mixin). */
public final class ProcRootOption {
  // The initial value is the default (no defaultValue): runs picocli does not parse keep it too.
  // The help names /proc, the default outside tests, not the value: a test's fixture directory,
  // whose path length would move picocli's line breaks from run to run.
  @Option(
      names = "--proc-root",
      paramLabel = "DIR",
      description = "Read processes from DIR, e.g. a saved tree, instead of /proc.")
  Path procRoot;

  /** Defaults to the system's /proc. */
  public ProcRootOption() {
    this(Path.of("/proc"));
  }

  /** Defaults to {@code defaultRoot}, such as a fixture tree in tests. */
  public ProcRootOption(Path defaultRoot) {
    this.procRoot = defaultRoot;
  }

  /** Sets what picocli would for a plain run whose shape lists {@code --proc-root}. */
  public void takePlain(PlainArguments given) {
    String root = given.value("--proc-root");
    if (root != null) {
      procRoot = Path.of(root);
    }
  }

  /**
   * The proc tree to read. A tree other than the live /proc must hold at least one process: the
   * live one always holds the reader itself and a saved one at least one PID directory, so none
   * means a wrong root (an empty directory, or / by mistake), where a {@code 0-0} rule would pass.
   */
  public ProcFs fs() {
    ProcFs fs = ProcFs.at(procRoot);
    if (!fs.isLive()) {
      int[] pids;
      try {
        pids = fs.pids();
      } catch (IllegalStateException e) {
        throw new UsageException("--proc-root " + procRoot + " is not a readable directory");
      }
      if (pids.length == 0) {
        throw new UsageException(
            "--proc-root "
                + procRoot
                + " holds no process directory (such as 1/): it is not "
                + "a proc tree");
      }
    }
    return fs;
  }

  /** The tree's directory as an absolute, normal path, which names it in saved state. */
  public String rootText() {
    return procRoot.toAbsolutePath().normalize().toString();
  }
}
