/**
 * Events of evaluation-service on topic {@code evaluation.events}, keyed by enrolment id so that
 * one enrolment's evaluation events stay in order. Payloads carry ids, months, measure codes and
 * versions: never a person's name or e-mail address, and never a small count (the figures of a
 * return stay in evaluation-service, which publishes them only suppressed).
 */
package org.mhaqi.events.evaluation;
