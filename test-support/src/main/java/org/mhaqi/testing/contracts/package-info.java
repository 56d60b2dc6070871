/**
 * The event contract as analytics consumers read it: one JSON Schema per event type and schema
 * version, generated from {@code docs/asyncapi.yaml} into {@code docs/schemas/}, and the
 * compatibility rules that every committed version of a schema must keep.
 */
package org.mhaqi.testing.contracts;
