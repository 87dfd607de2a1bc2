package org.rollcall.core.match;

import org.rollcall.core.cli.UsageException;
import org.rollcall.core.proc.ProcessEntry;

/**
 * {@code kthread=yes} or {@code kthread=no}: whether the process is a kernel thread, by the
 * kernel's own PF_KTHREAD flag in {@code stat}, kthreadd included. check_procs' {@code -k} guesses
 * instead (the children of a process named kthreadd), which misses kthreadd itself.
 */
final class KernelThreadTerm extends StatTerm {
  private final boolean kernel;

  KernelThreadTerm(String value, String text) {
    super(text);
    if (!value.equals("yes") && !value.equals("no")) {
      throw new UsageException("term '" + text + "' expects kthread=yes or kthread=no");
    }
    this.kernel = value.equals("yes");
  }

  @Override
  public Verdict test(ProcessEntry process) {
    return Verdict.of(process.stat().isKernelThread() == kernel);
  }
}
