/**
 * Working days: no weekends and no bank holidays of a division, read from a file in the format
 * GOV.UK publishes its bank holidays in. One calendar for every service (coaching-service plans
 * sessions on it, notification-service reminds and counts days to a return's due date with it).
 */
package org.mhaqi.support.workingdays;
