package org.mhaqi.support.it;

import java.util.List;
import java.util.function.Consumer;
import org.mhaqi.events.enrollment.ServiceEnrolled;
import org.mhaqi.support.messaging.EventConsumers;
import org.mhaqi.support.messaging.PoisonEventException;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.messaging.Message;

/** A service in miniature: one idempotent consumer that records each event it applies, in order. */
@SpringBootApplication
public class ConsumerTestApplication {

  /** The consumer group, and the consumer's name in processed_event. */
  static final String GROUP = "support-test";

  static final String DLQ = "enrollment.events.support-test.dlq";

  /** The ODS code of an enrolment whose handler writes its row and then fails (a defect). */
  static final String FAIL_AFTER_WRITING = "FAIL-AFTER-WRITING";

  /**
   * The ODS code of an enrolment whose handling holds its transaction open for 100 ms, as planning
   * does, so that a connection killed now and then dies inside a transaction or its commit.
   */
  static final String SLOW = "SLOW";

  @Bean
  Consumer<Message<List<byte[]>>> enrollmentEvents(EventConsumers consumers, JdbcClient jdbc) {
    return consumers
        .consumer(GROUP)
        .on(
            ServiceEnrolled.class,
            (event, envelope) -> {
              if (event.serviceId() == null) {
                throw new PoisonEventException(envelope + " has no service id");
              }
              jdbc.sql("insert into applied_event (event_id, subject) values (?, ?)")
                  .params(envelope.id(), envelope.subject())
                  .update();
              if (SLOW.equals(event.odsCode())) {
                jdbc.sql("select pg_sleep(0.1)").query().listOfRows();
              }
              if (FAIL_AFTER_WRITING.equals(event.odsCode())) {
                throw new IllegalStateException(envelope + " refused after writing");
              }
            })
        .build();
  }
}
