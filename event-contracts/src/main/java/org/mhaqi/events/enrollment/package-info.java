/**
 * Events of enrollment-service on topic {@code enrollment.events}, keyed by enrolment id. Payloads
 * carry ids and programme vocabulary only: never a person's name or e-mail address.
 */
package org.mhaqi.events.enrollment;
