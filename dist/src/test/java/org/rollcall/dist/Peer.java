package org.rollcall.dist;

/**
 * A process a test stops and starts again (a watched daemon, an sshd) to see monitors notice both.
 */
abstract class Peer implements AutoCloseable {
  /** The running process, null while stopped. */
  protected Process process;

  void stop() throws InterruptedException {
    Shell.stop(process);
    process = null;
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }
}
