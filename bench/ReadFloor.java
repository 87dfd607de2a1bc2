import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The least a JVM program can do to check processes as ps.monitor does, and nothing more: list /proc, read each
 * process's comm in one read, and with {@code exe} also its exe link (as a rule with a path needs), then print how
 * many are named {@code NAME}; with {@code stat}, read each process's stat instead (as a rule with {@code state=},
 * {@code ppid=} or {@code *} needs) and print how many are zombies. No options, rules, output model or deadline:
 * bench/run times it beside ps.monitor and the peers, with the launcher's JVM options, to show what is left of a
 * run once rollcall's own code is gone.
 *
 * <p>Usage: {@code java ReadFloor NAME [exe|stat]}
 */
public final class ReadFloor {
  private ReadFloor() {}

  public static void main(String[] args) throws IOException {
    String name = args[0];
    boolean exe = args.length > 1 && args[1].equals("exe");
    boolean stat = args.length > 1 && args[1].equals("stat");
    String[] entries = new java.io.File("/proc").list();
    byte[] buffer = new byte[stat ? 1024 : 64];
    int named = 0;
    int links = 0;
    for (String entry : entries) {
      if (entry.isEmpty() || entry.charAt(0) < '0' || entry.charAt(0) > '9') {
        continue;
      }
      if (stat) {
        named += isZombie("/proc/" + entry + "/stat", buffer) ? 1 : 0;
        continue;
      }
      named += isNamed("/proc/" + entry + "/comm", buffer, name) ? 1 : 0;
      if (exe) {
        links += hasExecutable("/proc/" + entry + "/exe") ? 1 : 0;
      }
    }
    System.out.println((stat ? "zombies" : name) + ": " + named + (exe ? ", executables: " + links : ""));
  }

  /** Whether the state after the last ')' of a stat line is Z. */
  private static boolean isZombie(String stat, byte[] buffer) {
    try (FileInputStream in = new FileInputStream(stat)) {
      int n = in.read(buffer);
      for (int i = n - 1; i > 0; i--) {
        if (buffer[i] == ')') {
          return i + 2 < n && buffer[i + 2] == 'Z';
        }
      }
      return false;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean isNamed(String comm, byte[] buffer, String name) {
    try (FileInputStream in = new FileInputStream(comm)) {
      int n = in.read(buffer);
      return n == name.length() + 1 && new String(buffer, 0, n - 1, java.nio.charset.StandardCharsets.ISO_8859_1)
          .equals(name);
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean hasExecutable(String link) {
    try {
      return !Files.readSymbolicLink(Path.of(link)).toString().isEmpty();
    } catch (IOException e) {
      return false;
    }
  }
}
