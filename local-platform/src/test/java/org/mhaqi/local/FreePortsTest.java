package org.mhaqi.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortsTest {

  /**
   * The kernel often offers a port again right after the probe that found it is closed: handed out
   * twice, a broker's two listeners got one port and the broker refused to start.
   */
  @Test
  void neverHandsOutTheSamePortTwice() {
    Set<Integer> ports = new HashSet<>();
    for (int i = 0; i < 500; i++) {
      assertThat(ports.add(FreePorts.next())).as("port %d handed out before", i).isTrue();
    }
  }

  @Test
  void aHandedOutPortIsFreeToBind() {
    assertThat(FreePorts.isFree(FreePorts.next())).isTrue();
  }
}
