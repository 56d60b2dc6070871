/**
 * Redaction: removing a person's name (or any text) from the free text and recorded actors
 * evaluation keeps, for a person named where the service could not know it was about them.
 */
package org.mhaqi.evaluation.redaction;
