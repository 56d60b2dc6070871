package org.mhaqi.support.topics;

import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaBindingProperties;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaConsumerProperties;
import org.springframework.cloud.stream.config.BindingProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.core.env.Environment;

/**
 * The topics a service's Spring Cloud Stream bindings touch, read from their configuration: the
 * destinations and, for consumers with {@code enable-dlq}, their dead-letter topics ({@code
 * dlq-name}, else the binder's default {@code error.<destination>.<group>}).
 */
final class BindingTopics {

  private final SortedSet<String> destinations = new TreeSet<>();
  private final SortedSet<String> deadLetters = new TreeSet<>();

  BindingTopics(BindingServiceProperties bindings, Environment environment) {
    Binder binder = Binder.get(environment);
    KafkaConsumerProperties defaults =
        binder
            .bind("spring.cloud.stream.kafka.default.consumer", KafkaConsumerProperties.class)
            .orElseGet(KafkaConsumerProperties::new);
    // Binding names are map keys (enrollmentEvents-in-0), not valid property names on their own.
    Map<String, KafkaBindingProperties> kafkaBindings =
        binder
            .bind(
                "spring.cloud.stream.kafka.bindings",
                Bindable.mapOf(String.class, KafkaBindingProperties.class))
            .orElseGet(Map::of);
    bindings
        .getBindings()
        .forEach(
            (name, binding) -> {
              for (String destination : destinations(binding)) {
                destinations.add(destination);
                if (binding.getGroup() == null || !name.contains("-in-")) {
                  continue;
                }
                KafkaBindingProperties kafkaBinding = kafkaBindings.get(name);
                KafkaConsumerProperties kafka =
                    kafkaBinding == null ? defaults : kafkaBinding.getConsumer();
                if (kafka.isEnableDlq() || defaults.isEnableDlq()) {
                  String dlqName =
                      kafka.getDlqName() != null ? kafka.getDlqName() : defaults.getDlqName();
                  deadLetters.add(
                      dlqName != null
                          ? dlqName
                          : "error." + destination + "." + binding.getGroup());
                }
              }
            });
  }

  private static String[] destinations(BindingProperties binding) {
    String destination = binding.getDestination();
    if (destination == null || destination.isBlank()) {
      return new String[0];
    }
    return destination.trim().split("\\s*,\\s*");
  }

  SortedSet<String> destinations() {
    return destinations;
  }

  SortedSet<String> deadLetters() {
    return deadLetters;
  }
}
