package org.rollcall.alerts;

import java.util.Locale;

/** Why mon called the alert: the values of MON_ALERTTYPE, and the flag mon passes for each. */
public enum AlertKind {
  FAILURE,
  UP,
  STARTUP,
  TRAP,
  TRAPTIMEOUT,
  ACK,
  DISABLE,
  TEST;

  /** The MON_ALERTTYPE spelling, e.g. "failure". */
  public String monName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind named by a MON_ALERTTYPE value, or null for an unknown one. */
  public static AlertKind fromMonName(String value) {
    for (AlertKind kind : values()) {
      if (kind.monName().equals(value)) {
        return kind;
      }
    }
    return null;
  }

  /** The word mon's mail.alert starts its subject with. */
  public String subjectWord() {
    return this == UP ? "UPALERT" : "ALERT";
  }
}
