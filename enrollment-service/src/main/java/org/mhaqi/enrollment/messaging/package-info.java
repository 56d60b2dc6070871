/** What enrollment-service declares on Kafka: the topic it publishes to. */
package org.mhaqi.enrollment.messaging;
