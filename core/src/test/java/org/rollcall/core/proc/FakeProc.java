package org.rollcall.core.proc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds a fake proc tree in a directory for tests: one directory per process with {@code stat}, {@code status},
 * {@code cmdline} (NUL-separated), an {@code exe} symlink and {@code attr/current}, as the kernel lays them out.
 */
public final class FakeProc {
  private final Path root;

  public FakeProc(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  public ProcFs fs() {
    return ProcFs.at(root);
  }

  /** Starts a process with comm {@code comm}, parent 1, running as root, state S, an empty cmdline. */
  public Process process(int pid, String comm) {
    return new Process(pid).comm(comm).ids(0, 0).state('S').ppid(1).write("cmdline", new byte[0]);
  }

  /** One fake process; each setter writes its file at once. */
  public final class Process {
    private final int pid;
    private final Path dir;
    private byte[] comm = "x".getBytes(StandardCharsets.UTF_8);
    private char state = 'S';
    private int ppid = 1;
    private long flags = 0x400100;
    private long utime;
    private long stime;
    private long starttime = 1000;

    Process(int pid) {
      this.pid = pid;
      this.dir = root.resolve(Integer.toString(pid));
      mkdirs(dir.resolve("attr"));
      writeStat();
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

    public Process commBytes(byte[] bytes) {
      this.comm = bytes.clone();
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
      this.flags |= 0x00200000;
      return writeStat();
    }

    public Process cpu(long user, long system, long start) {
      this.utime = user;
      this.stime = system;
      this.starttime = start;
      return writeStat();
    }

    /** Same UID in all four slots, same GID in all four, no supplementary groups. */
    public Process ids(int uid, int gid) {
      return status(new int[] {uid, uid, uid, uid}, new int[] {gid, gid, gid, gid}, new int[0]);
    }

    public Process status(int[] uids, int[] gids, int[] groups) {
      String text = "Name:\t" + new String(comm, StandardCharsets.UTF_8).replace("\n", "\\n") + "\n"
          + "Umask:\t0022\nState:\t" + state + " (sleeping)\nTgid:\t" + pid + "\nNgid:\t0\nPid:\t" + pid
          + "\nPPid:\t" + ppid + "\nTracerPid:\t0\n"
          + "Uid:\t" + join(uids, "\t") + "\nGid:\t" + join(gids, "\t") + "\nFDSize:\t64\n"
          + "Groups:\t" + join(groups, " ") + (groups.length > 0 ? " " : "") + "\nVmPeak:\t    1000 kB\n";
      return write("status", text.getBytes(StandardCharsets.UTF_8));
    }

    public Process cmdline(String... args) {
      StringBuilder text = new StringBuilder();
      for (String arg : args) {
        text.append(arg).append('\0');
      }
      return write("cmdline", text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Points {@code exe} at {@code target}; the target need not exist, as in a real /proc. */
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

    public Process label(String label) {
      return write("attr/current", (label + "\0").getBytes(StandardCharsets.UTF_8));
    }

    public Process write(String file, byte[] content) {
      try {
        Files.write(dir.resolve(file), content);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }

    private Process writeStat() {
      String after = " " + state + " " + ppid + " " + pid + " " + pid + " 0 -1 " + flags
          + " 100 0 0 0 " + utime + " " + stime + " 0 0 20 0 1 0 " + starttime + " 10000000 250 "
          + "18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n";
      byte[] head = (pid + " (").getBytes(StandardCharsets.UTF_8);
      byte[] tail = (")" + after).getBytes(StandardCharsets.UTF_8);
      byte[] all = new byte[head.length + comm.length + tail.length];
      System.arraycopy(head, 0, all, 0, head.length);
      System.arraycopy(comm, 0, all, head.length, comm.length);
      System.arraycopy(tail, 0, all, head.length + comm.length, tail.length);
      return write("stat", all);
    }
  }

  private static String join(int[] ids, String separator) {
    StringBuilder out = new StringBuilder();
    for (int id : ids) {
      out.append(out.length() == 0 ? "" : separator).append(Integer.toUnsignedString(id));
    }
    return out.toString();
  }

  private static void mkdirs(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
