package org.rollcall.core.proc;

/**
 * A file a process runs code from (its executable, or a shared object it mapped executable) that is
 * no longer on disk as the process loaded it.
 *
 * @param path the file's path as the process sees it
 * @param replaced true when another file is at that path now (an upgrade installed a new version),
 *     false when none is (the file was removed, or cannot be told apart from removed)
 */
public record StaleFile(String path, boolean replaced) {

  /** {@code replaced PATH} or {@code deleted PATH}, as a detail line says it. */
  @Override
  public String toString() {
    return (replaced ? "replaced " : "deleted ") + path;
  }
}
