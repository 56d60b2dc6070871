/**
 * Recorded decisions on a service's SPC charts: a baseline the limits are fixed on, or a rebase
 * after a sustained change, each with who decided it, when and why. Reports of the service apply
 * the standing ones.
 */
package org.mhaqi.evaluation.spcdecision;
