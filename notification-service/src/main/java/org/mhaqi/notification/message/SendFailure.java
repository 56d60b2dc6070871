package org.mhaqi.notification.message;

import org.springframework.mail.MailSendException;

/**
 * Why a message did not go, and whether trying again can help: an SMTP reply code of 5xx is a
 * refusal for good (RFC 5321), anything else (4xx, no connection, a timeout) passes.
 *
 * <p>The reason names the reply, never the recipient: it is shown to the central team and logged.
 */
record SendFailure(boolean permanent, String reason) {

  static SendFailure of(Exception failure) {
    for (Throwable cause : causes(failure)) {
      int code = replyCode(cause);
      if (code > 0) {
        return new SendFailure(code >= 500 && code < 600, "SMTP " + code + ": " + reply(cause));
      }
    }
    return new SendFailure(
        false, masked(failure.getClass().getSimpleName() + ": " + failure.getMessage()));
  }

  private static java.util.List<Throwable> causes(Throwable failure) {
    java.util.List<Throwable> all = new java.util.ArrayList<>();
    java.util.Deque<Throwable> todo = new java.util.ArrayDeque<>();
    todo.add(failure);
    while (!todo.isEmpty() && all.size() < 50) {
      Throwable next = todo.poll();
      all.add(next);
      if (next instanceof MailSendException send) {
        todo.addAll(java.util.List.of(send.getMessageExceptions()));
      }
      if (next instanceof jakarta.mail.MessagingException messaging
          && messaging.getNextException() != null) {
        todo.add(messaging.getNextException());
      }
      if (next.getCause() != null && next.getCause() != next) {
        todo.add(next.getCause());
      }
    }
    return all;
  }

  /**
   * The reply code of Angus Mail's SMTPSendFailedException or SMTPAddressFailedException, read by
   * name: Angus Mail is the runtime's implementation of the Jakarta Mail API compiled against.
   */
  private static int replyCode(Throwable cause) {
    if (!(cause instanceof jakarta.mail.MessagingException)) {
      return -1;
    }
    try {
      Object code = cause.getClass().getMethod("getReturnCode").invoke(cause);
      return code instanceof Integer value ? value : -1;
    } catch (ReflectiveOperationException e) {
      return -1;
    }
  }

  /** The server's reply without the address it may quote. */
  private static String reply(Throwable cause) {
    return masked(String.valueOf(cause.getMessage()).strip());
  }

  private static String masked(String text) {
    return text.replaceAll("<?[^\\s<>@]+@[^\\s<>]+>?", "<address>");
  }
}
