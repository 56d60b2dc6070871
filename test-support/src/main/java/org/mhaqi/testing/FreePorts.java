package org.mhaqi.testing;

/** Ports nobody listens on right now, so tests never collide with each other or the machine. */
public final class FreePorts {

  private FreePorts() {}

  public static int next() {
    return org.mhaqi.local.FreePorts.next();
  }
}
