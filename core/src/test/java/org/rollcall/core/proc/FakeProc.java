package org.rollcall.core.proc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A hand-built proc tree for tests, laid out as the kernel lays out {@code /proc}: one directory
 * per process holding {@code stat}, {@code status}, {@code cmdline} (NUL-separated), an {@code exe}
 * symlink and {@code attr/current}, plus the tree-wide {@code uptime}. Every setter rewrites its
 * file at once, so a test can change a process between two scans (CPU ticks that grew, a PID reused
 * with a new start time).
 */
public final class FakeProc {
  private final Path root;

  /** A tree at {@code root}, created if missing, with an uptime of 10000 s. */
  public FakeProc(Path root) {
    this.root = root;
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    uptime(10_000);
  }

  public Path root() {
    return root;
  }

  public ProcFs fs() {
    return ProcFs.at(root);
  }

  /** A process named {@code comm}: parent 1, sleeping, UID and GID 0 in every slot, no groups. */
  public Process process(int pid, String comm) {
    return new Process(pid).comm(comm).ids(0, 0);
  }

  /**
   * Writes the tree-wide {@code stat}: one cpu line, as the kernel starts it, and {@code btime},
   * the boot time in seconds since the epoch.
   */
  public FakeProc btime(long epochSeconds) {
    write(
        root.resolve("stat"),
        ("cpu  100 0 50 1000 0 0 0 0 0 0\nctxt 4000\nbtime " + epochSeconds + "\nprocesses 900\n")
            .getBytes(StandardCharsets.US_ASCII));
    return this;
  }

  /** Writes {@code uptime}: seconds since boot, then idle seconds (not used by rollcall). */
  public FakeProc uptime(double seconds) {
    write(
        root.resolve("uptime"),
        String.format(Locale.ROOT, "%.2f %.2f\n", seconds, seconds * 1.5)
            .getBytes(StandardCharsets.US_ASCII));
    return this;
  }

  /**
   * One process directory; the defaults make a plain sleeping process with an empty cmdline and no
   * exe.
   */
  public final class Process {
    private final int pid;
    private final Path dir;
    private byte[] comm = {'x'};
    private char state = 'S';
    private int ppid = 1;
    private long flags = 0x00400100L;
    private long utime;
    private long stime;
    private long starttime = 1000;
    private int[] uids = {0, 0, 0, 0};
    private int[] gids = {0, 0, 0, 0};
    private int[] groups = {};
    private int threads = 1;
    private long rssKib = 1000;
    private long vszKib = 10_000;
    private long capEff;
    private long capAmb;

    Process(int pid) {
      this.pid = pid;
      this.dir = root.resolve(Integer.toString(pid));
      try {
        Files.createDirectories(dir.resolve("attr"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      writeStat();
      write("cmdline", new byte[0]);
      write("maps", new byte[0]);
    }

    public int pid() {
      return pid;
    }

    public Path dir() {
      return dir;
    }

    public Process comm(String name) {
      return commBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    /** A comm of raw bytes, which need not be UTF-8. */
    public Process commBytes(byte[] bytes) {
      this.comm = bytes.clone();
      writeStatus();
      return writeStat();
    }

    public Process state(char value) {
      this.state = value;
      return writeStat();
    }

    public Process ppid(int value) {
      this.ppid = value;
      return writeStat();
    }

    public Process kernelThread() {
      this.flags |= 0x00200000L;
      return writeStat();
    }

    /** The thread count, stat's field 20. */
    public Process threads(int count) {
      this.threads = count;
      return writeStat();
    }

    /**
     * The status lines VmRSS and VmSize in KiB; -1 leaves both out, as the kernel does for kernel
     * threads and zombies.
     */
    public Process memory(long rss, long vsz) {
      this.rssKib = rss;
      this.vszKib = vsz;
      return writeStatus();
    }

    /** An fd directory with {@code count} entries, links to /dev/null as the kernel's are links. */
    public Process openFiles(int count) {
      try {
        Path fd = dir.resolve("fd");
        Files.createDirectories(fd);
        for (int i = 0; i < count; i++) {
          Files.createSymbolicLink(fd.resolve(Integer.toString(i)), Path.of("/dev/null"));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }

    /** CPU time in clock ticks (user, system) and the start time after boot in ticks. */
    public Process cpu(long user, long system, long start) {
      this.utime = user;
      this.stime = system;
      this.starttime = start;
      return writeStat();
    }

    /**
     * The same UID in all four slots (real, effective, saved, filesystem), the same GID likewise,
     * no groups.
     */
    public Process ids(int uid, int gid) {
      return status(new int[] {uid, uid, uid, uid}, new int[] {gid, gid, gid, gid}, new int[0]);
    }

    /**
     * UIDs and GIDs in proc(5) order (real, effective, saved, filesystem) and supplementary groups.
     */
    public Process status(int[] uidSlots, int[] gidSlots, int[] groupList) {
      this.uids = uidSlots.clone();
      this.gids = gidSlots.clone();
      this.groups = groupList.clone();
      return writeStatus();
    }

    public Process cmdline(String... args) {
      StringBuilder text = new StringBuilder();
      for (String arg : args) {
        text.append(arg).append('\0');
      }
      return write("cmdline", text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Points {@code exe} at {@code target}, which need not exist (as for a deleted binary). */
    public Process exe(String target) {
      try {
        Path link = dir.resolve("exe");
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, Path.of(target));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }

    /** The effective and ambient capability sets, as {@code CapEff:} and {@code CapAmb:} masks. */
    public Process capabilities(long effective, long ambient) {
      this.capEff = effective;
      this.capAmb = ambient;
      return writeStatus();
    }

    /** The {@code maps} file, one proc(5) line each ("address perms offset dev inode path"). */
    public Process maps(String... lines) {
      StringBuilder text = new StringBuilder();
      for (String line : lines) {
        text.append(line).append('\n');
      }
      return write("maps", text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Points {@code root} at {@code dir}: the files the process's paths name are looked up there.
     */
    public Process root(Path dir) {
      try {
        Files.createSymbolicLink(this.dir.resolve("root"), dir);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }

    /** The LSM label, written as the kernel does: the text and a trailing NUL. */
    public Process label(String label) {
      return write("attr/current", (label + "\0").getBytes(StandardCharsets.UTF_8));
    }

    /** The {@code cgroup} file, one {@code ID:CONTROLLERS:PATH} line each. */
    public Process cgroup(String... lines) {
      return write("cgroup", (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    public Process write(String file, byte[] content) {
      FakeProc.write(dir.resolve(file), content);
      return this;
    }

    private Process writeStatus() {
      String text =
          "Name:\t"
              + new String(comm, StandardCharsets.UTF_8).replace("\n", "\\n")
              + "\nUmask:\t0022\n"
              + "State:\t"
              + state
              + "\nTgid:\t"
              + pid
              + "\nPid:\t"
              + pid
              + "\nPPid:\t"
              + ppid
              + "\nTracerPid:\t0\n"
              + "Uid:\t"
              + join(uids, "\t")
              + "\nGid:\t"
              + join(gids, "\t")
              + "\nFDSize:\t64\n"
              + "Groups:\t"
              + join(groups, " ")
              + (groups.length > 0 ? " " : "")
              + "\n"
              + (rssKib < 0 ? "" : "VmSize:\t" + vszKib + " kB\nVmRSS:\t    " + rssKib + " kB\n")
              + "Threads:\t"
              + threads
              + "\nCapInh:\t0000000000000000\nCapPrm:\t"
              + hex(capEff)
              + "\nCapEff:\t"
              + hex(capEff)
              + "\nCapBnd:\t000001ffffffffff\nCapAmb:\t"
              + hex(capAmb)
              + "\n";
      return write("status", text.getBytes(StandardCharsets.UTF_8));
    }

    private Process writeStat() {
      byte[] head = (pid + " (").getBytes(StandardCharsets.US_ASCII);
      byte[] tail =
          (") "
                  + state
                  + " "
                  + ppid
                  + " "
                  + pid
                  + " "
                  + pid
                  + " 0 -1 "
                  + flags
                  + " 100 0 0 0 "
                  + utime
                  + " "
                  + stime
                  + " 0 0 20 0 "
                  + threads
                  + " 0 "
                  + starttime
                  + " 10000000 250 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0"
                  + " 0 17 0 0 0 0 0 0 0 0 0 0 0 0 0\n")
              .getBytes(StandardCharsets.US_ASCII);
      byte[] all = new byte[head.length + comm.length + tail.length];
      System.arraycopy(head, 0, all, 0, head.length);
      System.arraycopy(comm, 0, all, head.length, comm.length);
      System.arraycopy(tail, 0, all, head.length + comm.length, tail.length);
      return write("stat", all);
    }
  }

  private static void write(Path file, byte[] content) {
    try {
      Files.write(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String hex(long mask) {
    String digits = Long.toHexString(mask);
    return "0".repeat(16 - digits.length()) + digits;
  }

  private static String join(int[] ids, String separator) {
    StringBuilder out = new StringBuilder();
    for (int id : ids) {
      out.append(out.length() == 0 ? "" : separator).append(Integer.toUnsignedString(id));
    }
    return out.toString();
  }
}
