/**
 * Consumption of enrollment-service's events: enrolments make plans, withdrawals cancel future
 * sessions, team updates keep member ids and roles for attendance checks. Idempotent and
 * order-safe; poison messages go to the dead-letter topic.
 */
package org.mhaqi.coaching.messaging;
