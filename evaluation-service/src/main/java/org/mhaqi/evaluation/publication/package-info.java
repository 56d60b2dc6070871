/**
 * Publication of phase reports: the central team's recorded, withdrawable decision to show them.
 */
package org.mhaqi.evaluation.publication;
