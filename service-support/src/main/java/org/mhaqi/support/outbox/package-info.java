/**
 * Transactional outbox: a domain event is written to the service's own {@code outbox_event} table
 * in the transaction that changes the state it announces, and a relay delivers it to Kafka at least
 * once, in commit order per key.
 */
package org.mhaqi.support.outbox;
