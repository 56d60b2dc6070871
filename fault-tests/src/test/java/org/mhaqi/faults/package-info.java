/**
 * The fault suite: steady traffic through the services' APIs, one fault per scenario, and a
 * reconciliation of every service's state with the full event history on Kafka.
 */
package org.mhaqi.faults;
