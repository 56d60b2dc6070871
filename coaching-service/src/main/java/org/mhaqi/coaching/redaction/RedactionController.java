package org.mhaqi.coaching.redaction;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Administration")
class RedactionController {

  private final Redactions redactions;

  RedactionController(Redactions redactions) {
    this.redactions = redactions;
  }

  record RedactionRequest(
      @NotBlank @Size(min = Redactions.SHORTEST, max = Redactions.LONGEST) String text) {}

  /**
   * @param fieldsChanged per kind of free text, how many values were changed
   */
  record RedactionResult(Map<String, Integer> fieldsChanged) {}

  @PostMapping("/api/admin/redactions")
  @Operation(
      summary = "Redact a text (a person's name, an address) in all of coaching's free text",
      description =
          "Replaces every case-insensitive occurrence in session change reasons and recorded"
              + " actors, cancellation reasons, reasons of days away and of withdrawals with"
              + " \"[redacted]\", in one transaction. For a person named where coaching cannot"
              + " know it is them. The audit trail records the operation, not the text.")
  RedactionResult redact(@Valid @RequestBody RedactionRequest request) {
    return new RedactionResult(redactions.redact(request.text()));
  }
}
