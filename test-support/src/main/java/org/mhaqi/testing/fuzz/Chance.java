package org.mhaqi.testing.fuzz;

import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The one source of chance of a fuzz request: every choice made for it draws from here, in the
 * order it is made, so that a seed and an index always give the same request.
 */
final class Chance {

  private final Random random;

  Chance(Random random) {
    this.random = random;
  }

  int nextInt(int bound) {
    return random.nextInt(bound);
  }

  boolean nextBoolean() {
    return random.nextBoolean();
  }

  double nextDouble() {
    return random.nextDouble();
  }

  /** A random UUID of this request's draws (not a version 4 one: any bits). */
  UUID uuid() {
    return new UUID(random.nextLong(), random.nextLong());
  }

  byte[] bytes(int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }

  @SafeVarargs
  final <T> T pick(T... values) {
    return values[random.nextInt(values.length)];
  }

  <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
