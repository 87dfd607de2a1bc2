package org.rollcall.core.cli;

import java.nio.file.Path;
import org.rollcall.core.proc.ProcFs;
import picocli.CommandLine.Option;

/** {@code --proc-root DIR}, shared by every monitor that reads processes (a picocli mixin). */
public final class ProcRootOption {
  // The initial value is the default (no defaultValue): runs picocli does not parse keep it too.
  @Option(names = "--proc-root", paramLabel = "DIR",
      description = "Read processes from DIR instead of /proc, e.g. a saved tree (default: ${DEFAULT-VALUE}).")
  Path procRoot;

  /** Defaults to the system's /proc. */
  public ProcRootOption() {
    this(Path.of("/proc"));
  }

  /** Defaults to {@code defaultRoot}, such as a fixture tree in tests. */
  public ProcRootOption(Path defaultRoot) {
    this.procRoot = defaultRoot;
  }

  /** The proc tree to read. */
  public ProcFs fs() {
    return ProcFs.at(procRoot);
  }

  /** The tree's directory as an absolute, normal path, which names it in saved state. */
  public String rootText() {
    return procRoot.toAbsolutePath().normalize().toString();
  }
}
