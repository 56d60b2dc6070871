/** Helpers for the business gauges each service derives from its own tables. */
package org.mhaqi.support.metrics;
