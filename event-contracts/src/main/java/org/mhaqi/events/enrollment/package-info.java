/**
 * Events of enrollment-service: enrolments on {@code enrollment.events} (keyed by enrolment id),
 * phases on {@code programme.events} (keyed by phase id), organisations and their services on
 * {@code organisation.events} (keyed by organisation id). Payloads carry ids and programme
 * vocabulary only: never a person's name or e-mail address.
 */
package org.mhaqi.events.enrollment;
