/**
 * Engagement with coaching, projected from coaching.events: per-session facts merged in any order,
 * and the figures per service, level, phase and region that the engagement API publishes.
 */
package org.mhaqi.evaluation.engagement;
