/**
 * Real infrastructure for the services' tests: a PostgreSQL database of their own and a real Kafka
 * broker, shared by all test classes of one JVM. Never a mock of either.
 */
package org.mhaqi.testing;
