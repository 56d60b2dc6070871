/** coaching-service: Coaching plans, scheduling, attendance and calendars. */
package org.mhaqi.coaching;
