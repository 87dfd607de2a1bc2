package org.rollcall.monitors.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * The addresses to check for a host as a user writes it: a name (every A and AAAA record, in the
 * resolver's order), an IPv4 literal, or an IPv6 literal with or without brackets ({@code ::1},
 * {@code [::1]}).
 */
public final class HostAddresses {
  private HostAddresses() {}

  /**
   * Resolves {@code host}; may block on the resolver, so callers run it under their own deadline.
   *
   * @throws UnknownHostException when the name has no address
   */
  public static List<InetAddress> resolve(String host) throws UnknownHostException {
    String name =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (name.isEmpty()) {
      throw new UnknownHostException("empty host name");
    }
    return List.of(InetAddress.getAllByName(name));
  }

  /**
   * An address with its port as people write it: {@code 192.0.2.1:22}, {@code [2001:db8::1]:22}.
   */
  public static String withPort(InetAddress address, int port) {
    String text = text(address);
    return (text.indexOf(':') >= 0 ? "[" + text + "]" : text) + ":" + port;
  }

  /**
   * The address alone, IPv6 in its short form (RFC 5952: {@code ::1}, not Java's {@code
   * 0:0:0:0:0:0:0:1}).
   */
  public static String text(InetAddress address) {
    String full = address.getHostAddress();
    if (!(address instanceof Inet6Address)) {
      return full;
    }
    int scope = full.indexOf('%');
    String[] groups = (scope < 0 ? full : full.substring(0, scope)).split(":");
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < groups.length; i++) {
      int run = 0;
      while (i + run < groups.length && groups[i + run].equals("0")) {
        run++;
      }
      if (run > bestLength) {
        bestStart = i;
        bestLength = run;
      }
    }
    if (bestStart < 0) {
      return full;
    }
    String head = String.join(":", Arrays.copyOfRange(groups, 0, bestStart));
    String tail =
        String.join(":", Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
    return head + "::" + tail + (scope < 0 ? "" : full.substring(scope));
  }
}
