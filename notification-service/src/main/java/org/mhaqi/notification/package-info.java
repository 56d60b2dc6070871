/**
 * notification-service: contacts, their preferences and the e-mails the platform's events call for.
 */
package org.mhaqi.notification;
