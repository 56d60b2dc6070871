package org.mhaqi.support.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail for programme administrators (ADMIN only: /api/admin). */
@RestController
@RequestMapping("/api/admin/audit")
@Tag(
    name = "Audit trail",
    description = "Who changed what through this service's API, and when (administrators)")
class AuditController {

  private final AuditQueries queries;

  AuditController(AuditQueries queries) {
    this.queries = queries;
  }

  @GetMapping
  @Operation(
      summary = "Changes made through this service's API, newest first",
      description =
          "Who (token subject, roles, organisation), what (operation and the ids in its path),"
              + " when, and the request and trace ids. Filters: subject, from/to (instants).")
  PagedModel<AuditEntry> list(
      @RequestParam(required = false) String subject,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          Instant from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          Instant to,
      Pageable pageable) {
    Page<AuditEntry> page = queries.find(subject, from, to, pageable);
    return new PagedModel<>(page);
  }
}
