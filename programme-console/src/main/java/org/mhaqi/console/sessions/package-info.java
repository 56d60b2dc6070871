/**
 * The coach's journey: this week's and next week's sessions, recording attendance and completion,
 * rescheduling and cancelling with a reason, days away and the calendar subscription link.
 */
package org.mhaqi.console.sessions;
