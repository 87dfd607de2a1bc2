package org.rollcall.monitors.cpu;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.rollcall.monitors.StateFile;

/**
 * cpu.monitor's previous sample in a state directory (mon's MON_STATEDIR), read and written as
 * every state is ({@link StateFile}: trusted only when no other user could have written it,
 * replaced atomically). A sample that is corrupt or from another proc tree is reported in a note
 * and replaced, never a crash.
 */
final class CpuStateFile {
  static final StateFile.Owner OWNER =
      new StateFile.Owner(
          "cpu.monitor", "cpu.monitor sample", "sampled instead", "the next run will sample again");

  private final StateFile file;

  CpuStateFile(StateFile file) {
    this.file = file;
  }

  /** The file for one mon service in {@code dir} ({@link StateFile#named}). */
  static CpuStateFile in(Path dir, String monGroup, String monService) {
    return new CpuStateFile(
        new StateFile(StateFile.named(dir, OWNER, monGroup, monService), OWNER));
  }

  Path path() {
    return file.path();
  }

  /**
   * The previous sample, or empty when there is none; why a file was unusable is added to {@code
   * notes}.
   */
  Optional<CpuSample> read(String procRoot, List<String> notes) {
    String text = file.read(notes);
    if (text == null) {
      return Optional.empty();
    }
    try {
      CpuSample sample = CpuSample.parse(text);
      if (!sample.procRoot().equals(procRoot)) {
        throw new IllegalArgumentException(
            "it was taken from " + sample.procRoot() + ", not " + procRoot);
      }
      return Optional.of(sample);
    } catch (IllegalArgumentException e) {
      notes.add(file.unusable(e.getMessage()));
      return Optional.empty();
    }
  }

  /** Writes {@code sample} atomically; a failure is returned as a note line, or null on success. */
  String write(CpuSample sample) {
    return file.write(sample.format());
  }
}
