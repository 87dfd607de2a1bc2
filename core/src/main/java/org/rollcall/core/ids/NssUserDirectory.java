package org.rollcall.core.ids;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Structure;
import com.sun.jna.ptr.PointerByReference;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Resolves names through the C library's NSS functions, so every source nsswitch.conf names (files,
 * LDAP, sssd, systemd) answers. JNA is loaded on the first lookup only; if it cannot be loaded the
 * fallback answers.
 */
final class NssUserDirectory implements UserDirectory {
  private static final int FIRST_BUFFER = 1024;
  private static final int LAST_BUFFER = 1 << 20;

  private final UserDirectory fallback;
  private LibC libc;
  private boolean unavailable;

  NssUserDirectory(UserDirectory fallback) {
    this.fallback = fallback;
  }

  /**
   * One reentrant lookup: fills {@code entry} using {@code buffer}, returns 0 or an errno value.
   */
  private interface Lookup<S extends Structure> {
    int call(LibC libc, S entry, Memory buffer, NativeLong size, PointerByReference result);
  }

  @Override
  public OptionalInt uid(String userName) {
    LibC.Passwd pwd =
        lookUp(new LibC.Passwd(), (c, e, b, n, r) -> c.getpwnam_r(userName, e, b, n, r));
    return pwd == null
        ? (libc == null ? fallback.uid(userName) : OptionalInt.empty())
        : OptionalInt.of(pwd.pw_uid);
  }

  @Override
  public OptionalInt gid(String groupName) {
    LibC.Group grp =
        lookUp(new LibC.Group(), (c, e, b, n, r) -> c.getgrnam_r(groupName, e, b, n, r));
    return grp == null
        ? (libc == null ? fallback.gid(groupName) : OptionalInt.empty())
        : OptionalInt.of(grp.gr_gid);
  }

  @Override
  public Optional<String> userName(int uid) {
    LibC.Passwd pwd = lookUp(new LibC.Passwd(), (c, e, b, n, r) -> c.getpwuid_r(uid, e, b, n, r));
    return pwd == null
        ? (libc == null ? fallback.userName(uid) : Optional.empty())
        : Optional.of(pwd.pw_name);
  }

  @Override
  public Optional<String> groupName(int gid) {
    LibC.Group grp = lookUp(new LibC.Group(), (c, e, b, n, r) -> c.getgrgid_r(gid, e, b, n, r));
    return grp == null
        ? (libc == null ? fallback.groupName(gid) : Optional.empty())
        : Optional.of(grp.gr_name);
  }

  /**
   * The filled entry, or null when there is none (or libc is unavailable, leaving {@code libc}
   * null).
   */
  private <S extends Structure> S lookUp(S entry, Lookup<S> lookup) {
    LibC c = libc();
    if (c == null) {
      return null;
    }
    for (int size = FIRST_BUFFER; size <= LAST_BUFFER; size *= 4) {
      Memory buffer = new Memory(size);
      PointerByReference result = new PointerByReference();
      int error = lookup.call(c, entry, buffer, new NativeLong(size), result);
      if (error == LibC.ERANGE) {
        continue;
      }
      if (error != 0 || result.getValue() == null) {
        return null;
      }
      entry.read();
      return entry;
    }
    return null;
  }

  private LibC libc() {
    if (libc == null && !unavailable) {
      try {
        libc = Native.load("c", LibC.class);
      } catch (LinkageError e) {
        unavailable = true;
      }
    }
    return libc;
  }
}
