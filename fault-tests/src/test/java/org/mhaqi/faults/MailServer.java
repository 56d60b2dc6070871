package org.mhaqi.faults;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import org.mhaqi.local.FreePorts;

/**
 * A real SMTP server (GreenMail) on one port that the suite can stop, as an outage looks to a
 * sender (connections refused), and start again on the same port. What every run of it received is
 * kept, so the messages can be reconciled across outages.
 */
final class MailServer implements AutoCloseable {

  /** One message as the server received it: its recipients and the sender's message row id. */
  record Received(List<String> recipients, String messageId) {}

  private final int port = FreePorts.next();
  private final List<Received> earlier = new ArrayList<>();
  private GreenMail server;

  int port() {
    return port;
  }

  synchronized MailServer start() {
    server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    return this;
  }

  /** Stops listening; what this run received is kept. */
  synchronized void stop() {
    if (server != null) {
      earlier.addAll(read(server));
      server.stop();
      server = null;
    }
  }

  /** Everything received so far, by every run of the server. */
  synchronized List<Received> received() {
    List<Received> all = new ArrayList<>(earlier);
    if (server != null) {
      all.addAll(read(server));
    }
    return all;
  }

  @Override
  public void close() {
    stop();
  }

  private static List<Received> read(GreenMail server) {
    List<Received> received = new ArrayList<>();
    for (MimeMessage message : server.getReceivedMessages()) {
      try {
        String[] id = message.getHeader("X-MHAQI-Message-Id");
        List<String> to = new ArrayList<>();
        for (var address : message.getAllRecipients()) {
          to.add(address.toString());
        }
        received.add(new Received(to, id == null ? null : id[0]));
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    return received;
  }
}
