/** Statistics evaluators run on any series: SPC (XmR), IHI run charts, equity rate ratios. */
package org.mhaqi.evaluation.analysis;
