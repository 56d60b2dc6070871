/**
 * Redaction of a text (a person's name, an e-mail address) wherever coaching keeps free text:
 * session change reasons and recorded actors, cancellation reasons, reasons of days away and of
 * withdrawals. For people named where coaching cannot know who they are, and for erased coaches.
 */
package org.mhaqi.coaching.redaction;
