/**
 * Coaching plans and their sessions: generated when a service is enrolled, staffed from the coach
 * roster, rescheduled, cancelled and completed with attendance; every change announced through the
 * transactional outbox.
 */
package org.mhaqi.coaching.plan;
