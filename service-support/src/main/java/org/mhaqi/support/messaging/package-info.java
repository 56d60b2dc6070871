/**
 * Consuming other services' events: the CloudEvents envelope read from Kafka headers, an
 * idempotency guard over {@code processed_event} that commits with the state change, and a
 * dispatcher that turns handlers per event type into a Spring Cloud Stream {@code Consumer}. Poison
 * messages fail with {@link org.mhaqi.support.messaging.PoisonEventException}, which is not retried
 * and goes to the binding's dead-letter topic.
 */
package org.mhaqi.support.messaging;
