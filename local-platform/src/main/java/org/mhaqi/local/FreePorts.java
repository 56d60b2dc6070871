package org.mhaqi.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Loopback ports: free ones to take, and whether something listens on one. */
public final class FreePorts {

  /**
   * Ports this JVM has handed out: the kernel may offer a port again as soon as the probe that
   * found it is closed, and a broker given the same port for two listeners refuses to start.
   */
  private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

  private FreePorts() {}

  /**
   * A port nobody listens on right now, and never one this JVM handed out before, so that runs
   * never collide with each other.
   */
  public static int next() {
    for (int attempt = 0; attempt < 100; attempt++) {
      int port;
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        port = socket.getLocalPort();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (HANDED_OUT.add(port)) {
        return port;
      }
    }
    throw new IllegalStateException("No loopback port free that this JVM has not handed out");
  }

  /** Whether something accepts connections on 127.0.0.1 at this port. */
  public static boolean isListening(int port) {
    try (Socket probe = new Socket()) {
      probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
      return true;
    } catch (IOException nobodyListens) {
      return false;
    }
  }

  /** Whether this port can be bound on 127.0.0.1 (nobody listens and nobody holds it). */
  public static boolean isFree(int port) {
    if (isListening(port)) {
      return false;
    }
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
