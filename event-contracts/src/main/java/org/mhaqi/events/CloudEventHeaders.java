package org.mhaqi.events;

/**
 * Kafka header names of the envelope. Events travel in the CloudEvents Kafka protocol binding,
 * binary content mode: the attributes are headers, the payload is the JSON record value.
 */
public final class CloudEventHeaders {

  public static final String ID = "ce_id";
  public static final String TYPE = "ce_type";
  public static final String SOURCE = "ce_source";
  public static final String SPEC_VERSION = "ce_specversion";
  public static final String TIME = "ce_time";
  public static final String SUBJECT = "ce_subject";

  /** Extension attribute: the version of the payload schema of {@link #TYPE}. */
  public static final String SCHEMA_VERSION = "ce_schemaversion";

  public static final String DATA_SCHEMA = "ce_dataschema";
  public static final String CONTENT_TYPE = "content-type";

  /** W3C trace context of the request that caused the event, when there was one. */
  public static final String TRACEPARENT = "traceparent";

  public static final String SPEC_VERSION_VALUE = "1.0";
  public static final String JSON = "application/json";

  private CloudEventHeaders() {}
}
