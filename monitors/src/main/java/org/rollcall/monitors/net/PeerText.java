package org.rollcall.monitors.net;

import java.nio.charset.StandardCharsets;
import org.rollcall.core.text.SafeText;

/**
 * What a peer sent so far, as text for {@code --expect} to search after every read. ASCII (nearly
 * every banner and greeting) is searched in place, through a view of the bytes: decoding the whole
 * buffer again on every read would double a host's memory at its largest ({@code --max-bytes}) with
 * each read. Other bytes are decoded as {@link SafeText#decode} does, so both give the same text.
 */
final class PeerText {
  private PeerText() {}

  static CharSequence of(byte[] data, int length) {
    for (int i = 0; i < length; i++) {
      if (data[i] < 0) {
        return SafeText.decode(data, 0, length);
      }
    }
    return new Ascii(data, 0, length);
  }

  /** ASCII bytes seen as the characters they encode. */
  private record Ascii(byte[] data, int start, int end) implements CharSequence {
    @Override
    public int length() {
      return end - start;
    }

    @Override
    public char charAt(int index) {
      if (index < 0 || index >= length()) {
        throw new IndexOutOfBoundsException(index);
      }
      return (char) data[start + index];
    }

    @Override
    public CharSequence subSequence(int from, int to) {
      if (from < 0 || to > length() || from > to) {
        throw new IndexOutOfBoundsException("[" + from + ", " + to + ") of " + length());
      }
      return new Ascii(data, start + from, start + to);
    }

    @Override
    public String toString() {
      return new String(data, start, length(), StandardCharsets.US_ASCII);
    }
  }
}
