/**
 * The messages: written from templates in the transaction of the event that calls for them, one per
 * event, contact and notice; sent by SMTP at least once, retried with back-off while the server is
 * away or refuses for now, recorded as failed when it refuses for good.
 */
package org.mhaqi.notification.message;
