/**
 * The audit trail: who (subject, roles, organisation), what (operation and the ids it named), when
 * and from which request or trace, for every change made through a service's API, kept in the
 * service's own database in the same transaction as the change.
 */
package org.mhaqi.support.audit;
