package org.mhaqi.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The stable wire identity of an event: its logical type name, the version of its payload schema
 * and its topic. The Java class name never travels; renaming a class changes nothing on the wire.
 * Compatible changes (a new optional field) keep the version; a breaking change raises it, and the
 * record keeps reading the versions before it for their deprecation period ({@link #stillReads()}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventContract {

  /** Logical type name, past tense, e.g. {@code ServiceEnrolled}; the {@code ce_type} header. */
  String type();

  /** Payload schema version; the {@code ce_schemaversion} header. */
  int version() default 1;

  /** The topic the event is published on. */
  String topic();

  /**
   * Earlier payload schema versions this record still reads, during their deprecation period (see
   * {@code docs/schemas/README.md}): their JSON is read into this record, fields it no longer has
   * ignored and fields it added absent, as the record's javadoc says. Empty when none.
   */
  int[] stillReads() default {};
}
