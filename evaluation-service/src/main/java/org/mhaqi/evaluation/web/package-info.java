/**
 * HTTP edge shared by evaluation's features: who may call which operation (the role matrix) and bad
 * input with every offending field or CSV row.
 */
package org.mhaqi.evaluation.web;
