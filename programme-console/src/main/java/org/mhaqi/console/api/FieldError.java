package org.mhaqi.console.api;

import java.io.Serializable;

/**
 * One thing to put right, in plain English, for the NHS.UK error summary and the field's message.
 *
 * @param field the form field it belongs to (the id the summary links to), or null for the form
 * @param row the row of an uploaded CSV file (the header is row 1), or null
 * @param message what to do, e.g. "Enter the numerator for White British"
 */
public record FieldError(String field, Integer row, String message) implements Serializable {}
