/**
 * iCalendar (RFC 5545) feeds of coaches' and services' sessions that Outlook and Google Calendar
 * subscribe to: stable UIDs, SEQUENCE bumped on every move, cancelled sessions kept with STATUS
 * CANCELLED, times in Europe/London with its VTIMEZONE.
 */
package org.mhaqi.coaching.calendar;
