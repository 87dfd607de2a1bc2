package org.rollcall.core.proc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rollcall.core.text.Glob;
import org.rollcall.core.text.SafeText;

/**
 * Reads one scan's processes: their stat when opened, their other files on demand. Owns the scan's
 * read buffer, so it is used by one thread at a time. Each read tells a process that exited (it
 * throws {@link ProcessGoneException}), a value the caller may not read (an absent {@link Field}
 * with the reason) and malformed content (a {@link MalformedProcFileException} naming the file)
 * apart.
 */
final class ProcessReader {
  private final ProcFs fs;
  private final ProcFileReader files = new ProcFileReader();
  private final CodeOnDisk code;
  private ProcessEntry opened;
  private String malformed;
  private Field<Double> uptime;
  private final UnitLookup units;

  ProcessReader(ProcFs fs) {
    this(fs, new UnitLookup(fs));
  }

  /** A reader that shares {@code units} with the other parts of its scan. */
  ProcessReader(ProcFs fs, UnitLookup units) {
    this.fs = fs;
    this.code = new CodeOnDisk(fs);
    this.units = units;
  }

  /**
   * MALFORMED: the stat is there but does not parse ({@link #malformed()} says why, naming the
   * file).
   */
  enum Opening {
    OPENED,
    GONE,
    UNREADABLE,
    MALFORMED
  }

  /** Reads {@code pid}'s stat; on {@link Opening#OPENED} the entry is {@link #opened()}. */
  Opening open(int pid) {
    opened = null;
    String file = fs.pathText(pid, "stat");
    switch (files.read(file)) {
      case READ -> {
        try {
          opened = new ProcessEntry(this, StatParser.parse(files.bytes(), files.length(), file));
        } catch (MalformedProcFileException e) {
          // One bad file leaves its process undecided; it must not end the scan of all the others.
          malformed = e.getMessage();
          return Opening.MALFORMED;
        }
        return Opening.OPENED;
      }
      case DENIED -> {
        return Opening.UNREADABLE;
      }
      default -> {
        return exists(pid) ? Opening.UNREADABLE : Opening.GONE;
      }
    }
  }

  /**
   * Reads {@code pid}'s name from its comm file, which costs the kernel less than half what its
   * stat does (no thread-group statistics to gather, one field to format); on {@link
   * Opening#OPENED} the entry is {@link #opened()}, and reads its stat when asked for it. For the
   * live /proc only: a saved tree need not hold comm files.
   */
  Opening openName(int pid) {
    opened = null;
    switch (files.readLine(fs.pathText(pid, "comm"))) {
      case READ -> {
        opened = new ProcessEntry(this, pid, readName());
        return Opening.OPENED;
      }
      case DENIED -> {
        return Opening.UNREADABLE;
      }
      default -> {
        return exists(pid) ? Opening.UNREADABLE : Opening.GONE;
      }
    }
  }

  /**
   * Takes {@code pid} as listed, reading nothing: its name and stat are read when first asked for
   * ({@link ProcFs#scanListed()}).
   */
  Opening openListed(int pid) {
    opened = new ProcessEntry(this, pid, null);
    return Opening.OPENED;
  }

  /**
   * The name of a process {@link #openListed} took; throws {@link ProcessGoneException} when it has
   * exited since.
   */
  String comm(int pid) {
    String file = fs.pathText(pid, "comm");
    ProcFileReader.Outcome read = files.readLine(file);
    if (read != ProcFileReader.Outcome.READ) {
      throw unreadable(pid, file, read);
    }
    return readName();
  }

  /** The name just read from a comm file, without the line feed the kernel ends it with. */
  private String readName() {
    // A name may hold line feeds of its own: only the last is the kernel's.
    int length = files.length();
    if (length > 0 && files.bytes()[length - 1] == '\n') {
      length--;
    }
    return SafeText.decode(files.bytes(), 0, length);
  }

  ProcessEntry opened() {
    return opened;
  }

  /** Why the last {@link #open} answered {@link Opening#MALFORMED}: "malformed FILE: problem". */
  String malformed() {
    return malformed;
  }

  /**
   * The stat of a process {@link #openName} listed; throws {@link ProcessGoneException} when it has
   * exited since. One that is still there but can no longer be read (/proc remounted with hidepid
   * since) is an error.
   */
  ProcStat stat(int pid) {
    String file = fs.pathText(pid, "stat");
    ProcFileReader.Outcome read = files.read(file);
    if (read != ProcFileReader.Outcome.READ) {
      throw unreadable(pid, file, read);
    }
    return StatParser.parse(files.bytes(), files.length(), file);
  }

  /**
   * The error for a file of a process listed earlier that could not be {@code read}; throws {@link
   * ProcessGoneException} instead when the process has exited since.
   */
  private MalformedProcFileException unreadable(int pid, String file, ProcFileReader.Outcome read) {
    String why =
        switch (read) {
          case DENIED -> "not readable: permission denied";
          case MISSING -> "missing";
          default -> "not readable: " + files.failure();
        };
    return new MalformedProcFileException(goneOr(pid, file), why);
  }

  Field<Credentials> credentials(int pid) {
    String file = fs.pathText(pid, "status");
    ProcFileReader.Outcome read = files.read(file);
    return read == ProcFileReader.Outcome.READ
        ? parsedCredentials(file)
        : Field.absent(unread(pid, "status", read));
  }

  /**
   * A malformed status leaves the IDs unknown, as an unreadable one does: rules on them are
   * undecided.
   */
  private Field<Credentials> parsedCredentials(String file) {
    try {
      return Field.of(StatusParser.parse(files.bytes(), files.length(), Path.of(file)));
    } catch (MalformedProcFileException e) {
      return Field.absent(e.getMessage());
    }
  }

  /** The memory lines of {@code status}; a kernel thread's or a zombie's are 0, having none. */
  Field<Memory> memory(ProcessEntry process) {
    int pid = process.pid();
    String file = fs.pathText(pid, "status");
    ProcFileReader.Outcome read = files.read(file);
    return read == ProcFileReader.Outcome.READ
        ? parsedMemory(process, file)
        : Field.absent(unread(pid, "status", read));
  }

  private Field<Memory> parsedMemory(ProcessEntry process, String file) {
    Memory memory;
    try {
      memory = StatusParser.memory(files.bytes(), files.length(), Path.of(file));
    } catch (MalformedProcFileException e) {
      return Field.absent(e.getMessage());
    }
    if (memory != null) {
      return Field.of(memory);
    }
    ProcStat stat = process.stat();
    return stat.isKernelThread() || stat.isZombie()
        ? Field.of(Memory.NONE)
        : Field.absent("no VmRSS or VmSize line in status");
  }

  /**
   * How many descriptors the process has open: the entries of its {@code fd} directory, which only
   * its owner and root may list. Never 0 for a directory that could not be listed.
   */
  Field<Integer> openFiles(int pid) {
    int count = 0;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(fs.path(pid, "fd"))) {
      for (Iterator<Path> i = entries.iterator(); i.hasNext(); i.next()) {
        count++;
      }
      return Field.of(count);
    } catch (AccessDeniedException e) {
      return Field.absent("fd not listable: permission denied (needs root or the same user)");
    } catch (NoSuchFileException e) {
      return Field.absent(goneOr(pid, "no fd directory"));
    } catch (IOException | DirectoryIteratorException e) {
      return Field.absent(goneOr(pid, "fd not listable: " + e.getMessage()));
    }
  }

  /**
   * Seconds since boot, read once for the whole scan: every process's age is measured from the same
   * moment.
   */
  Field<Double> uptime() {
    if (uptime == null) {
      try {
        uptime = Field.of(ProcClock.uptime(fs));
      } catch (IllegalStateException | MalformedProcFileException e) {
        uptime = Field.absent(e.getMessage());
      }
    }
    return uptime;
  }

  /**
   * The command line; one over {@link ProcFileReader#MAX_BYTES} is cut, see {@link
   * #cmdlineTruncated()}.
   */
  Field<List<String>> cmdline(int pid) {
    return switch (files.readPrefix(fs.pathText(pid, "cmdline"))) {
      case READ ->
          Field.of(
              files.truncated()
                  ? CmdlineParser.parseCut(files.bytes(), files.length())
                  : CmdlineParser.parse(files.bytes(), files.length()));
      case DENIED -> Field.absent("cmdline not readable: permission denied");
      case MISSING -> Field.absent(goneOr(pid, "no cmdline file"));
      case FAILED -> Field.absent(goneOr(pid, "cmdline not readable: " + files.failure()));
    };
  }

  /** Whether the last {@link #cmdline} read was cut. */
  boolean cmdlineTruncated() {
    return files.truncated();
  }

  Field<SecurityLabel> label(int pid) {
    return switch (files.read(fs.pathText(pid, "attr/current"))) {
      case READ -> labelFrom(SafeText.decode(files.bytes(), 0, files.length()));
      case DENIED -> Field.absent("security label not readable: permission denied");
      case MISSING ->
          Field.absent(goneOr(pid, "no attr/current: the kernel has no security module labels"));
      case FAILED ->
          Field.absent(goneOr(pid, "no security label (SELinux not enabled): " + files.failure()));
    };
  }

  /** The systemd cgroup; a malformed file leaves it unknown, naming the file and the problem. */
  Field<ControlGroup> cgroup(int pid) {
    String file = fs.pathText(pid, "cgroup");
    ProcFileReader.Outcome read = files.read(file);
    return read == ProcFileReader.Outcome.READ
        ? parsedCgroup(file)
        : Field.absent(unread(pid, "cgroup", read));
  }

  /**
   * Whether the process is in a systemd unit {@code glob} matches: from one walk of the cgroup
   * filesystem for the whole scan where that serves (every process the scan listed was in its
   * cgroup before the walk), else from the process's cgroup file. A zombie, which may have left its
   * cgroup's list, is asked its file.
   */
  Field<Boolean> inUnit(ProcessEntry process, Glob glob) {
    Set<Integer> members = units.members(glob);
    if (members != null) {
      ProcStat stat = process.statIfRead();
      if (members.contains(process.pid()) || stat == null || !stat.isZombie()) {
        return Field.of(members.contains(process.pid()));
      }
    }
    Field<ControlGroup> cgroup = process.cgroup();
    if (!cgroup.isPresent()) {
      return Field.absent(cgroup.whyAbsent());
    }
    String unit = cgroup.value().unit();
    return Field.of(unit != null && glob.matches(unit));
  }

  /**
   * The effective and ambient capabilities, from {@code status} read again: only a rule on them
   * asks, so a scan that reads every status for the IDs does not parse them.
   */
  Field<Capabilities> capabilities(int pid) {
    String file = fs.pathText(pid, "status");
    ProcFileReader.Outcome read = files.read(file);
    return read == ProcFileReader.Outcome.READ
        ? parsedCapabilities(file)
        : Field.absent(unread(pid, "status", read));
  }

  /**
   * Why {@code pid}'s file {@code name} was not read; throws {@link ProcessGoneException} when the
   * process exited meanwhile.
   */
  private String unread(int pid, String name, ProcFileReader.Outcome outcome) {
    return switch (outcome) {
      case DENIED -> name + " not readable: permission denied";
      case MISSING -> goneOr(pid, "no " + name + " file");
      default -> goneOr(pid, name + " not readable: " + files.failure());
    };
  }

  private Field<Capabilities> parsedCapabilities(String file) {
    try {
      Capabilities caps = StatusParser.capabilities(files.bytes(), files.length(), Path.of(file));
      return caps == null ? Field.absent(file + " has no CapEff line") : Field.of(caps);
    } catch (MalformedProcFileException e) {
      return Field.absent(e.getMessage());
    }
  }

  /**
   * The files {@code process} runs code from that are deleted or replaced on disk: its executable
   * and the files of its executable mappings ({@code maps}). None for a process that runs no
   * executable (a kernel thread); absent when the exe link, the maps or a file cannot be read, or
   * the maps is malformed (the reason names the file).
   */
  Field<List<StaleFile>> staleCode(ProcessEntry process) {
    Field<Executable> exe = process.exe();
    if (!exe.isPresent()) {
      return process.runsNoExecutable() ? Field.of(List.of()) : Field.absent(exe.whyAbsent());
    }
    int pid = process.pid();
    String file = fs.pathText(pid, "maps");
    ProcFileReader.Outcome read = files.read(file);
    if (read != ProcFileReader.Outcome.READ) {
      return Field.absent(unread(pid, "maps", read));
    }
    List<MappedFile> mapped;
    try {
      mapped = MapsParser.executableFiles(files.bytes(), files.length(), file);
    } catch (MalformedProcFileException e) {
      return Field.absent(e.getMessage());
    }
    return code.staleFiles(pid, exe.value(), mapped);
  }

  private Field<ControlGroup> parsedCgroup(String file) {
    try {
      return Field.of(ControlGroup.parse(files.bytes(), files.length(), file));
    } catch (MalformedProcFileException e) {
      return Field.absent(e.getMessage());
    }
  }

  private static Field<SecurityLabel> labelFrom(String content) {
    SecurityLabel label = SecurityLabel.parse(content);
    return label.text().isEmpty() ? Field.absent("empty security label") : Field.of(label);
  }

  /**
   * The executable of {@code process}, from its exe link. The link is read first: a process with a
   * running executable (nearly every one) needs no stat for it, so a rule such as {@code
   * /usr/sbin/cron} reads one link per process. Nor does one whose live link is missing: the kernel
   * answers ENOENT only for a process that runs no executable (a kernel thread, a zombie, one
   * exiting or gone), which {@link ProcessEntry#runsNoExecutable()} then says, with the stat's word
   * for it only when the stat was read already (a server has a few kernel threads per CPU: reading
   * each one's stat cost a path rule 30 us apiece). A link that cannot be read asks the stat why.
   */
  Field<Executable> exe(ProcessEntry process) {
    int pid = process.pid();
    try {
      return Field.of(Executable.fromLink(Files.readSymbolicLink(fs.path(pid, "exe")).toString()));
    } catch (AccessDeniedException e) {
      ProcStat stat = process.stat();
      if (stat.isKernelThread() || stat.isZombie()) {
        return noExecutable(process, stat);
      }
      return Field.absent(
          "exe not readable: permission denied (needs root, or the process is in another user namespace)");
    } catch (NoSuchFileException e) {
      if (fs.isLive()) {
        return noExecutable(process, process.statIfRead());
      }
      ProcStat stat = process.stat();
      return stat.isKernelThread() || stat.isZombie()
          ? noExecutable(process, stat)
          : Field.absent(goneOr(pid, "exe link has no target"));
    } catch (IOException e) {
      return Field.absent(goneOr(pid, "exe not readable: " + e.getMessage()));
    }
  }

  /** Marks {@code process} as running no executable, in the stat's words when there is one. */
  private static Field<Executable> noExecutable(ProcessEntry process, ProcStat stat) {
    process.markNoExecutable();
    if (stat == null) {
      return Field.absent("no executable: a kernel thread, a zombie or a process exiting");
    }
    return Field.absent(
        stat.isKernelThread()
            ? "kernel thread: no executable"
            : stat.isZombie() ? "zombie: no executable" : "no executable: the process is exiting");
  }

  /**
   * Whether the process's executable is the file {@code path} names in our mount namespace, and not
   * another file that merely shows that path in the process's own namespace (a container's binary,
   * or a file an unprivileged user bind-mounted over the path inside a user namespace of their
   * own). The same inode for a binary still in place; for a deleted one (a package upgrade) the
   * same filesystem and location in both namespaces' mount tables. In a saved tree only the link
   * text is there: it is taken as it is.
   */
  Field<Boolean> exeIsFileAt(int pid, Executable exe, String path) {
    if (!fs.isLive()) {
      return Field.of(true);
    }
    if (!exe.deleted()) {
      Field<Map<String, Object>> running = fileKey(fs.path(pid, "exe"), pid);
      if (!running.isPresent()) {
        return Field.absent(running.whyAbsent());
      }
      Field<Map<String, Object>> named = fileKey(Path.of(path), -1);
      return Field.of(named.isPresent() && running.value().equals(named.value()));
    }
    Field<String> theirs = mountinfo(fs.path(pid, "mountinfo"), pid);
    Field<String> ours = mountinfo(fs.root().resolve("self/mountinfo"), -1);
    if (!theirs.isPresent() || !ours.isPresent()) {
      return Field.absent(theirs.isPresent() ? ours.whyAbsent() : theirs.whyAbsent());
    }
    String there = MountTable.parse(theirs.value()).locate(path);
    return Field.of(there != null && there.equals(MountTable.parse(ours.value()).locate(path)));
  }

  /**
   * The file's device and inode, following links; {@code pid} is the process whose exe it is, or
   * -1.
   */
  private Field<Map<String, Object>> fileKey(Path file, int pid) {
    try {
      return Field.of(Files.readAttributes(file, "unix:dev,ino"));
    } catch (AccessDeniedException e) {
      return Field.absent("exe not readable: permission denied");
    } catch (NoSuchFileException e) {
      return Field.absent(pid < 0 ? "no such file" : goneOr(pid, "exe link has no target"));
    } catch (IOException | UnsupportedOperationException e) {
      return Field.absent((pid < 0 ? file : "exe") + " not readable: " + e.getMessage());
    }
  }

  private Field<String> mountinfo(Path file, int pid) {
    return switch (files.read(file)) {
      case READ -> Field.of(new String(files.bytes(), 0, files.length(), StandardCharsets.UTF_8));
      case DENIED -> Field.absent("mountinfo not readable: permission denied");
      case MISSING -> Field.absent(pid < 0 ? "no " + file : goneOr(pid, "no mountinfo"));
      case FAILED ->
          Field.absent(
              pid < 0
                  ? file + " not readable: " + files.failure()
                  : goneOr(pid, "mountinfo not readable: " + files.failure()));
    };
  }

  /** {@code reason} if the process still exists; otherwise it exited meanwhile and this throws. */
  private String goneOr(int pid, String reason) {
    if (!exists(pid)) {
      throw new ProcessGoneException(pid);
    }
    return reason;
  }

  private boolean exists(int pid) {
    return Files.isDirectory(fs.root().resolve(Integer.toString(pid)));
  }
}
