/** Kafka topics declared up front with their partitions, replication and retention. */
package org.mhaqi.support.topics;
