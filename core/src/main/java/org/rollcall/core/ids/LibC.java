package org.rollcall.core.ids;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.ptr.PointerByReference;

/** The reentrant NSS lookups of {@code <pwd.h>} and {@code <grp.h>}; names as in C. */
interface LibC extends Library {
  /** ERANGE: the buffer given was too small. */
  int ERANGE = 34;

  /** getpwnam_r(3). */
  int getpwnam_r(String name, Passwd pwd, Memory buf, NativeLong buflen, PointerByReference result);

  /** getpwuid_r(3). */
  int getpwuid_r(int uid, Passwd pwd, Memory buf, NativeLong buflen, PointerByReference result);

  /** getgrnam_r(3). */
  int getgrnam_r(String name, Group grp, Memory buf, NativeLong buflen, PointerByReference result);

  /** getgrgid_r(3). */
  int getgrgid_r(int gid, Group grp, Memory buf, NativeLong buflen, PointerByReference result);

  /** {@code struct passwd}. */
  @Structure.FieldOrder({
    "pw_name",
    "pw_passwd",
    "pw_uid",
    "pw_gid",
    "pw_gecos",
    "pw_dir",
    "pw_shell"
  })
  final class Passwd extends Structure {
    public String pw_name;
    public String pw_passwd;
    public int pw_uid;
    public int pw_gid;
    public String pw_gecos;
    public String pw_dir;
    public String pw_shell;
  }

  /** {@code struct group}. */
  @Structure.FieldOrder({"gr_name", "gr_passwd", "gr_gid", "gr_mem"})
  final class Group extends Structure {
    public String gr_name;
    public String gr_passwd;
    public int gr_gid;
    public Pointer gr_mem;
  }
}
