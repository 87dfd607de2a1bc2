package org.rollcall.monitors.net;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenSSH release, {@code X.Y} or {@code X.YpZ} (portable release Z; a release without it counts
 * as p0), as in the software version {@code OpenSSH_9.2p1}. Ordered by X, then Y, then Z.
 */
public record OpenSshVersion(int major, int minor, int portable)
    implements Comparable<OpenSshVersion> {
  private static final Pattern RELEASE = Pattern.compile("(\\d{1,4})\\.(\\d{1,4})(?:p(\\d{1,4}))?");
  private static final Pattern IN_SOFTWARE =
      Pattern.compile("^OpenSSH_(" + RELEASE.pattern() + ")");

  /**
   * Parses {@code 9.3} or {@code 9.2p1}.
   *
   * @throws IllegalArgumentException when it is neither
   */
  public static OpenSshVersion parse(String text) {
    Matcher m = RELEASE.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not an OpenSSH release like 9.3 or 9.2p1");
    }
    return of(m, 1);
  }

  /** The release in a software version such as {@code OpenSSH_9.2p1}; empty for other software. */
  public static Optional<OpenSshVersion> inSoftware(String softwareVersion) {
    Matcher m = IN_SOFTWARE.matcher(softwareVersion);
    return m.find() ? Optional.of(of(m, 2)) : Optional.empty();
  }

  private static OpenSshVersion of(Matcher m, int first) {
    String portable = m.group(first + 2);
    return new OpenSshVersion(
        Integer.parseInt(m.group(first)),
        Integer.parseInt(m.group(first + 1)),
        portable == null ? 0 : Integer.parseInt(portable));
  }

  @Override
  public int compareTo(OpenSshVersion other) {
    int byMajor = Integer.compare(major, other.major);
    if (byMajor != 0) {
      return byMajor;
    }
    int byMinor = Integer.compare(minor, other.minor);
    return byMinor != 0 ? byMinor : Integer.compare(portable, other.portable);
  }

  @Override
  public String toString() {
    return major + "." + minor + (portable == 0 ? "" : "p" + portable);
  }
}
