package org.mhaqi.notification.message;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;

class SendFailureTest {

  /** Stands in for Angus Mail's SMTPSendFailedException: a reply code by getReturnCode. */
  static class Refused extends MessagingException {
    private final int code;

    Refused(int code, String reply) {
      super(reply);
      this.code = code;
    }

    public int getReturnCode() {
      return code;
    }
  }

  @Test
  void aFiveHundredReplyIsARefusalForGoodNamingTheReplyButNotTheAddress() {
    SendFailure failure =
        SendFailure.of(
            new MailSendException(
                "Failed messages",
                null,
                Map.of(new Object(), new Refused(550, "550 5.1.1 <a.person@nhs.net> unknown"))));

    assertThat(failure.permanent()).isTrue();
    assertThat(failure.reason()).startsWith("SMTP 550").doesNotContain("a.person@nhs.net");
  }

  @Test
  void aFourHundredReplyOrNoConnectionIsRetried() {
    assertThat(
            SendFailure.of(new MessagingException("x", new Refused(451, "451 try later")))
                .permanent())
        .isFalse();
    assertThat(
            SendFailure.of(
                    new MailSendException(
                        "Mail server connection failed",
                        new MessagingException("connect", new ConnectException("refused"))))
                .permanent())
        .isFalse();
  }

  @Test
  void theBackOffDoublesUpToTheLongestWait() {
    SenderProperties properties =
        new SenderProperties(
            Duration.ofSeconds(2), 20, Duration.ofSeconds(5), Duration.ofMinutes(5));

    assertThat(properties.backOff(1)).isEqualTo(Duration.ofSeconds(5));
    assertThat(properties.backOff(2)).isEqualTo(Duration.ofSeconds(10));
    assertThat(properties.backOff(4)).isEqualTo(Duration.ofSeconds(40));
    assertThat(properties.backOff(60)).isEqualTo(Duration.ofMinutes(5));
  }
}
