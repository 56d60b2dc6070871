package org.mhaqi.notification.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

/**
 * A real SMTP server (GreenMail) for the integration tests, one per JVM on a free port, that keeps
 * what it receives; stopped and started again on the same port to play a mail server outage.
 */
final class TestSmtp {

  private static final int PORT = freePort();
  private static GreenMail server = start();

  private TestSmtp() {}

  static int port() {
    return PORT;
  }

  static synchronized List<MimeMessage> received() {
    return Arrays.asList(server.getReceivedMessages());
  }

  /** The messages received for this address. */
  static synchronized List<MimeMessage> receivedBy(String address) {
    return received().stream().filter(m -> recipients(m).contains(address)).toList();
  }

  private static List<String> recipients(MimeMessage message) {
    try {
      return Arrays.stream(message.getAllRecipients()).map(Object::toString).toList();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  static synchronized void stop() {
    server.stop();
  }

  /** Starts a fresh server on the same port, with nothing received. */
  static synchronized void restart() {
    server = start();
  }

  private static GreenMail start() {
    GreenMail mail = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    return mail;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
