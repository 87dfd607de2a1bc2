package org.rollcall.core.proc;

/**
 * A process's LSM label from {@code /proc/PID/attr/current}. On SELinux it reads {@code
 * user:role:type[:level]}; AppArmor writes a profile name with its mode, e.g. {@code
 * /usr/sbin/named (enforce)} or {@code unconfined}.
 */
public record SecurityLabel(String text) {

  /**
   * Parses the file's content: the kernel ends it with a NUL and/or newline, which are not part of
   * the label.
   */
  public static SecurityLabel parse(String content) {
    int end = content.length();
    while (end > 0 && (content.charAt(end - 1) == '\0' || content.charAt(end - 1) == '\n')) {
      end--;
    }
    return new SecurityLabel(content.substring(0, end));
  }

  /** Whether the label has SELinux's {@code user:role:type} shape. */
  public boolean isSelinux() {
    int first = text.indexOf(':');
    return first > 0 && text.indexOf(':', first + 1) > first + 1;
  }

  /**
   * The domain a {@code context=TYPE} term compares with: SELinux's type field, otherwise the label
   * without an AppArmor mode suffix such as {@code " (enforce)"}.
   */
  public String type() {
    if (isSelinux()) {
      int first = text.indexOf(':');
      int second = text.indexOf(':', first + 1);
      int third = text.indexOf(':', second + 1);
      return text.substring(second + 1, third < 0 ? text.length() : third);
    }
    int mode = text.lastIndexOf(" (");
    return mode > 0 && text.endsWith(")") ? text.substring(0, mode) : text;
  }

  @Override
  public String toString() {
    return text;
  }
}
