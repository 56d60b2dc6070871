/**
 * What notification-service knows of the programme from the events alone (enrolments owing returns,
 * returns submitted and overdue, the waiting list), and the messages it writes from that: a data
 * return due in five working days, and the central team's weekly digest.
 */
package org.mhaqi.notification.programme;
