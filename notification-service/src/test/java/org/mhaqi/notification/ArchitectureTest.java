package org.mhaqi.notification;

import org.mhaqi.testing.ServiceArchitectureTest;

/** notification-service's structure checks itself ({@link ServiceArchitectureTest}). */
class ArchitectureTest extends ServiceArchitectureTest {

  ArchitectureTest() {
    super(NotificationServiceApplication.class, "notification-service");
  }
}
