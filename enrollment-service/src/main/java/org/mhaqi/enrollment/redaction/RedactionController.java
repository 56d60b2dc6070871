package org.mhaqi.enrollment.redaction;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.mhaqi.enrollment.enrollment.EnrollmentFreeText;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin")
@Tag(name = "Administration")
class RedactionController {

  private final EnrollmentFreeText freeText;

  RedactionController(EnrollmentFreeText freeText) {
    this.freeText = freeText;
  }

  record RedactionRequest(@NotNull @Size(min = 3, max = 200) String text) {}

  record RedactionResult(Map<String, Integer> fieldsChanged) {}

  @PostMapping("/redactions")
  @Operation(
      summary = "Redact a text from all free text of the enrolments",
      description =
          "Replaces every case-insensitive occurrence of the text (3 to 200 characters) in the"
              + " enrolments' history reasons and recorded actors and in who confirmed an"
              + " executive commitment with [redacted], in one transaction, and answers how many"
              + " values of each kind changed. For a person named where this service cannot know"
              + " it is them; a project team member is erased with POST"
              + " /api/team-members/{memberId}/erasure instead. Events already published keep"
              + " their text. The audit trail records the operation, not the text. Programme"
              + " administrators only.")
  RedactionResult redact(@Valid @RequestBody RedactionRequest request) {
    return new RedactionResult(freeText.redact(request.text()));
  }
}
