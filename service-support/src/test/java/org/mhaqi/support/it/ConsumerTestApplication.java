package org.mhaqi.support.it;

import java.util.function.Consumer;
import org.mhaqi.events.enrollment.ServiceEnrolled;
import org.mhaqi.support.messaging.EventConsumers;
import org.mhaqi.support.messaging.PoisonEventException;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.messaging.Message;

/** A service in miniature: one idempotent consumer that records each event it applies. */
@SpringBootApplication
public class ConsumerTestApplication {

  /** The consumer group, and the consumer's name in processed_event. */
  static final String GROUP = "support-test";

  static final String DLQ = "enrollment.events.support-test.dlq";

  @Bean
  Consumer<Message<byte[]>> enrollmentEvents(EventConsumers consumers, JdbcClient jdbc) {
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
            })
        .build();
  }
}
