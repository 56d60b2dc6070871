/**
 * Working days: no weekends and no bank holidays of the configured division, read from a file in
 * the format GOV.UK publishes its bank holidays in.
 */
package org.mhaqi.coaching.workingdays;
