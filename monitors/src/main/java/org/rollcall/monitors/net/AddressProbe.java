package org.rollcall.monitors.net;

import java.net.InetSocketAddress;
import org.rollcall.core.cli.Deadline;

/** One check of one address: connect, talk, judge. */
@FunctionalInterface
public interface AddressProbe {
  /**
   * Checks {@code address} within {@code deadline}.
   *
   * @param host the host as the user wrote it (for TLS name checks)
   * @return what answered, e.g. "SSH-2.0-OpenSSH_9.2p1", for the OK line
   * @throws ProbeFailure what is wrong, as the detail line says it
   */
  String probe(String host, InetSocketAddress address, Deadline deadline) throws ProbeFailure;
}
