/**
 * Consumption of enrollment-service's and coaching-service's events: the directory from
 * organisation.events, enrolment decisions from enrollment.events, session invitations from
 * coaching.events. Idempotent and per key in order (service-support's EventConsumers); poison
 * messages go to the dead-letter topics.
 */
package org.mhaqi.notification.messaging;
