/**
 * Events of coaching-service on topic {@code coaching.events}, keyed by enrolment id so that one
 * enrolment's coaching events stay in order. Payloads carry ids and programme vocabulary only:
 * never a person's name or e-mail address. Session times are Europe/London wall-clock times ({@code
 * startsAt} with {@code timeZone}).
 */
package org.mhaqi.events.coaching;
