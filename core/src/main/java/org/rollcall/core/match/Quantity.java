package org.rollcall.core.match;

import org.rollcall.core.proc.Field;
import org.rollcall.core.proc.Memory;
import org.rollcall.core.proc.ProcClock;
import org.rollcall.core.proc.ProcStat;
import org.rollcall.core.proc.ProcessEntry;

/**
 * A number the kernel keeps for each process, which a {@link QuantityTerm} compares: where it comes
 * from, what reading it costs, and its {@link Scale}.
 */
enum Quantity {
  /** {@code VmRSS} from status. */
  RSS("rss", Scale.SIZE, 1),
  /** {@code VmSize} from status. */
  VSZ("vsz", Scale.SIZE, 1),
  /** Field 20 of stat, the same counter as status's {@code Threads}. */
  THREADS("threads", Scale.COUNT, 0),
  /** The entries of the fd directory. */
  FDS("fds", Scale.COUNT, 4),
  /** The scan's uptime less the start time (field 22 of stat), as ps(1)'s ELAPSED. */
  AGE("age", Scale.DURATION, 0),
  /** CPU time over age: the lifetime average ps(1) shows as %CPU and check_procs -m CPU uses. */
  CPU("cpu", Scale.PERCENT, 0);

  final String key;
  final Scale scale;
  final int cost;

  Quantity(String key, Scale scale, int cost) {
    this.key = key;
    this.scale = scale;
    this.cost = cost;
  }

  /** The quantity whose key is {@code key}, or null. */
  static Quantity named(String key) {
    for (Quantity quantity : values()) {
      if (quantity.key.equals(key)) {
        return quantity;
      }
    }
    return null;
  }

  /** Whether reading it reads the stat (which a scan of names has not read). */
  boolean readsStat() {
    return cost == 0;
  }

  /** The process's value, in the scale's unit (KiB, a count, seconds, percent). */
  Field<Double> of(ProcessEntry process) {
    switch (this) {
      case RSS, VSZ -> {
        Field<Memory> memory = process.memory();
        if (!memory.isPresent()) {
          return Field.absent(memory.whyAbsent());
        }
        Memory m = memory.value();
        return Field.of((double) (this == RSS ? m.rssKib() : m.vszKib()));
      }
      case THREADS -> {
        return Field.of((double) process.stat().threads());
      }
      case FDS -> {
        Field<Integer> open = process.openFiles();
        return open.isPresent() ? Field.of((double) open.value()) : Field.absent(open.whyAbsent());
      }
      case AGE -> {
        return process.ageSeconds();
      }
      default -> {
        return lifetimeCpu(process);
      }
    }
  }

  private static Field<Double> lifetimeCpu(ProcessEntry process) {
    Field<Double> age = process.ageSeconds();
    if (!age.isPresent()) {
      return age;
    }
    ProcStat stat = process.stat();
    double used = ProcClock.seconds(stat.cpuTicks());
    return Field.of(age.value() > 0 ? 100 * used / age.value() : 0.0);
  }

  /** {@code rss 2.3 GiB}, {@code cpu 45.0% lifetime average}, or why it could not be read. */
  String describe(ProcessEntry process) {
    Field<Double> value = of(process);
    if (!value.isPresent()) {
      return key + " (" + value.whyAbsent() + ")";
    }
    return key + " " + scale.format(value.value()) + (this == CPU ? " lifetime average" : "");
  }
}
