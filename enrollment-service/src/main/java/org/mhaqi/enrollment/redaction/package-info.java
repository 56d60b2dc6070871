/**
 * Redaction on request: a person named in free text the service could not know belongs to them
 * (e.g. a decline reason mentioning someone) is replaced by "[redacted]" everywhere at once.
 */
package org.mhaqi.enrollment.redaction;
