/**
 * Which organisation each service belongs to and the names messages use, copied from
 * enrollment-service's events: the way from a service's event to its organisation's contacts.
 */
package org.mhaqi.notification.directory;
