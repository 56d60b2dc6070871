/**
 * The catalogue of QI measures teams return monthly data for: type, unit, direction of improvement
 * and stratification by NHS ethnic category.
 */
package org.mhaqi.evaluation.measure;
