/** HTTP edge shared by evaluation's features: bad input with every offending field or CSV row. */
package org.mhaqi.evaluation.web;
