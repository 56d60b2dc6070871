/**
 * Coaches: the levels each delivers, the weekdays they work, their weekly capacity and their days
 * away; the default pool the service starts with when it has none.
 */
package org.mhaqi.coaching.coach;
