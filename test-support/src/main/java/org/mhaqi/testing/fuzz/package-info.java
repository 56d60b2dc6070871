/**
 * Seeded fuzzing of a service's HTTP API from its OpenAPI document ({@link
 * org.mhaqi.testing.fuzz.ApiFuzzer}), and what every service's fuzz test asserts of the answers and
 * of the audit trail ({@link org.mhaqi.testing.fuzz.FuzzChecks}).
 */
package org.mhaqi.testing.fuzz;
