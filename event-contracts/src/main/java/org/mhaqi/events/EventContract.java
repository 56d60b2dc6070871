package org.mhaqi.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The stable wire identity of an event: its logical type name, the version of its payload schema
 * and its topic. The Java class name never travels; renaming a class changes nothing on the wire.
 * Compatible changes (a new optional field) keep the version; a breaking change is a new type.
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
}
