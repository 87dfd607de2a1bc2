package org.rollcall.monitors.net;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each host of a run is doing now ("resolving", "connecting", "no answer yet"), for the line a
 * signal or the deadline prints: {@code 127.0.0.1:9 (no answer yet), mail1:25 (connecting)}. Each
 * check runs on its own thread and says what it does through {@link #now}; the connection code
 * marks {@link #connected()} on the same thread, without being told which host it serves.
 */
public final class ProbeProgress {
  /** Hosts named in the line; the others are counted ("and 4 more"). */
  static final int SHOWN = 3;

  private static final ThreadLocal<Step> CURRENT = new ThreadLocal<>();

  private final Map<Step, String> steps = new LinkedHashMap<>();

  /** One host (or address) being checked, as the line names it. */
  final class Step implements AutoCloseable {
    private String where;

    private Step(String where) {
      this.where = where;
    }

    /** Says what this check does now. */
    void doing(String what) {
      synchronized (steps) {
        steps.put(this, what);
      }
    }

    /** Says what this check does now, and where: one of the host's addresses. */
    void at(String address, String what) {
      synchronized (steps) {
        where = address;
        steps.put(this, what);
      }
    }

    @Override
    public void close() {
      synchronized (steps) {
        steps.remove(this);
      }
      if (CURRENT.get() == this) {
        CURRENT.remove();
      }
    }
  }

  /**
   * Starts a step for {@code where} on this thread, doing {@code what}; close it when the check is
   * done.
   */
  Step now(String where, String what) {
    Step step = new Step(where);
    step.doing(what);
    CURRENT.set(step);
    return step;
  }

  /** The connection of this thread's check is up: from now on it waits for the peer to speak. */
  static void connected() {
    Step step = CURRENT.get();
    if (step != null) {
      step.doing("no answer yet");
    }
  }

  /**
   * The hosts still pending, at most {@link #SHOWN} of them and how many more; null when none is.
   */
  public String pending() {
    List<String> shown = new ArrayList<>();
    int total;
    synchronized (steps) {
      total = steps.size();
      for (Map.Entry<Step, String> step : steps.entrySet()) {
        if (shown.size() == SHOWN) {
          break;
        }
        shown.add(step.getKey().where + " (" + step.getValue() + ")");
      }
    }
    if (total == 0) {
      return null;
    }
    return String.join(", ", shown) + (total > SHOWN ? " and " + (total - SHOWN) + " more" : "");
  }
}
