package org.mhaqi.support.deadletter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The operators' dead-letter tool (docs/delivery-guarantees.md, "Dead letters"). */
@RestController
@Validated
@RequestMapping("/api/admin/dead-letters")
@Tag(name = "Dead letters", description = "What this service's consumers could not apply")
class DeadLetterController {

  private final DeadLetters deadLetters;

  DeadLetterController(DeadLetters deadLetters) {
    this.deadLetters = deadLetters;
  }

  @GetMapping
  @Operation(summary = "This service's dead-letter topics")
  List<String> topics() {
    return deadLetters.topics();
  }

  @GetMapping("/{topic}")
  @Operation(summary = "The dead letters of a topic with their reasons, oldest first")
  List<DeadLetter> list(
      @PathVariable String topic,
      @RequestParam(defaultValue = "0") @Min(0) long fromOffset,
      @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
    return deadLetters.list(topic, fromOffset, limit);
  }

  @PostMapping("/{topic}/{partition}/{offset}/replay")
  @Operation(summary = "Send a dead letter back to the topic it came from, after a fix")
  DeadLetters.Replayed replay(
      @PathVariable String topic,
      @PathVariable @Min(0) int partition,
      @PathVariable @Min(0) long offset) {
    return deadLetters.replay(topic, partition, offset);
  }
}
