package org.mhaqi.enrollment.programme;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A national QI programme; it runs in phases. */
@Entity
@Table(name = "programme")
public class Programme {

  @Id private UUID id;
  private String name;
  private Instant createdAt;

  protected Programme() {}

  public Programme(UUID id, String name, Instant createdAt) {
    this.id = id;
    this.name = name;
    this.createdAt = createdAt;
  }

  public UUID getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
