/**
 * Rebuilding the projections from the start of the topics into fresh tables, then swapping them in.
 */
package org.mhaqi.evaluation.rebuild;
