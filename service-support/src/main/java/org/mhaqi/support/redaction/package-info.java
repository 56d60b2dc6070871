/**
 * Redaction on request: a text (a person's name, an address) named where a service could not know
 * it was about someone is replaced by {@value
 * org.mhaqi.support.redaction.FreeTextRedaction#REDACTED} in all of the service's free text at
 * once. The endpoint is shared; each service says, with a {@link
 * org.mhaqi.support.redaction.FreeTextRedaction} bean, which columns it covers.
 */
package org.mhaqi.support.redaction;
