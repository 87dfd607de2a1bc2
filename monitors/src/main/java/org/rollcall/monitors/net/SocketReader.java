package org.rollcall.monitors.net;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import org.rollcall.core.cli.Deadline;

/**
 * Reads what a peer sends until what was read is enough, the peer closes, a byte limit is reached
 * or the deadline passes, whichever comes first. The socket's read timeout is set to the time left
 * before every read, and the deadline is checked between reads, so a peer that trickles a byte a
 * second cannot stretch the wait.
 */
public final class SocketReader {
  /** Why reading stopped. */
  public enum End {
    /** The {@link Enough} test held. */
    ENOUGH,
    /** The peer closed its side. */
    EOF,
    /** The byte limit was reached first. */
    LIMIT,
    /** The deadline passed first. */
    DEADLINE,
    /** The connection failed (reset, TLS alert); see {@link Received#error()}. */
    ERROR
  }

  /** Decides, after every read, whether the bytes so far are enough. */
  @FunctionalInterface
  public interface Enough {
    boolean test(byte[] data, int length);
  }

  /**
   * What was read and why reading stopped.
   *
   * @param error the failure's message when {@code end} is {@link End#ERROR}, else null
   */
  public record Received(byte[] bytes, End end, String error) {
    public int length() {
      return bytes.length;
    }

    /** The bytes as a quoted, cut preview (see {@link BytePreview}). */
    public String preview() {
      return BytePreview.of(bytes, bytes.length);
    }
  }

  private SocketReader() {}

  /**
   * The bytes read; the buffer itself when full (at the byte limit), so the largest read is not
   * held twice.
   */
  private static byte[] kept(byte[] buffer, int length) {
    return length == buffer.length ? buffer : Arrays.copyOf(buffer, length);
  }

  /**
   * Reads from {@code socket} until {@code enough} holds, EOF, {@code maxBytes}, or {@code
   * deadline}.
   */
  public static Received read(Socket socket, Deadline deadline, int maxBytes, Enough enough) {
    byte[] buffer = new byte[Math.min(maxBytes, 4096)];
    int length = 0;
    try {
      InputStream in = socket.getInputStream();
      while (true) {
        if (length == maxBytes) {
          return new Received(kept(buffer, length), End.LIMIT, null);
        }
        long millis = deadline.remaining().toMillis();
        if (millis <= 0) {
          return new Received(kept(buffer, length), End.DEADLINE, null);
        }
        if (length == buffer.length) {
          buffer = Arrays.copyOf(buffer, Math.min(maxBytes, buffer.length * 2));
        }
        socket.setSoTimeout((int) Math.min(millis, Integer.MAX_VALUE));
        int n = in.read(buffer, length, buffer.length - length);
        if (n < 0) {
          return new Received(kept(buffer, length), End.EOF, null);
        }
        length += n;
        if (enough.test(buffer, length)) {
          return new Received(kept(buffer, length), End.ENOUGH, null);
        }
      }
    } catch (SocketTimeoutException e) {
      return new Received(kept(buffer, length), End.DEADLINE, null);
    } catch (IOException e) {
      return new Received(kept(buffer, length), End.ERROR, String.valueOf(e.getMessage()));
    }
  }
}
