/**
 * Who may call which of evaluation's operations: the role matrix ({@link
 * org.mhaqi.evaluation.security.EvaluationApiAccess}) applied by service-support's security.
 */
package org.mhaqi.evaluation.security;
