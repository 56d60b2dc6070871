package org.mhaqi.support.redaction;

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

  private final FreeTextRedaction freeText;

  RedactionController(FreeTextRedaction freeText) {
    this.freeText = freeText;
  }

  /**
   * @param text stripped before it is checked and used: blanks at the ends would otherwise let a
   *     one-letter text through the length check
   */
  record RedactionRequest(
      @NotBlank @Size(min = FreeTextRedaction.SHORTEST, max = FreeTextRedaction.LONGEST)
          String text) {

    RedactionRequest {
      text = text == null ? null : text.strip();
    }
  }

  /**
   * @param fieldsChanged per kind of free text, how many values were changed
   */
  record RedactionResult(Map<String, Integer> fieldsChanged) {}

  /**
   * The description's end, which says what this service covers, is added by {@link
   * RedactionConfiguration}.
   */
  @PostMapping
  @Operation(
      summary = "Redact a text (a person's name, an address) in all of this service's free text",
      description =
          "Replaces every case-insensitive occurrence of the text (3 to 200 characters, blanks at"
              + " the ends aside) with [redacted], in one transaction, and answers how many values"
              + " of each kind changed. For a person named where this service cannot know it is"
              + " them. Events already published keep their text. The audit trail records the"
              + " operation, not the text.")
  RedactionResult redact(@Valid @RequestBody RedactionRequest request) {
    return new RedactionResult(freeText.redact(request.text()));
  }
}
