package org.mhaqi.evaluation.redaction;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/admin/redactions}: administrators only (under /api/admin). The audit row the
 * platform writes records the operation and who asked, not the text, which is not logged either.
 */
@RestController
@RequestMapping("/api/admin/redactions")
@Tag(name = "Redaction")
class RedactionController {

  private final Redactions redactions;

  RedactionController(Redactions redactions) {
    this.redactions = redactions;
  }

  record RedactionRequest(@NotBlank @Size(min = 3, max = 200) String text) {}

  /** How many fields of each kind the redaction changed. */
  record RedactionResult(Map<String, Integer> fieldsChanged) {}

  @PostMapping
  @Operation(
      summary = "Redact a text (e.g. a person's name) wherever evaluation keeps free text",
      description =
          "Every case-insensitive occurrence in change ideas' titles and descriptions, PDSA cycles'"
              + " notes, correction and decision reasons and every recorded actor becomes"
              + " [redacted], in one transaction. Answers the number of fields changed per kind."
              + " Events already published are not changed.")
  RedactionResult redact(@Valid @RequestBody RedactionRequest request) {
    return new RedactionResult(redactions.redact(request.text()));
  }
}
