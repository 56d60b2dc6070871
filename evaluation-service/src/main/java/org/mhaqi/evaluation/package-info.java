/** evaluation-service: Engagement, data returns, SPC and equity analysis, reports. */
package org.mhaqi.evaluation;
