package org.mhaqi.evaluation.engagement;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.mhaqi.evaluation.engagement.EngagementReports.EnrollmentEngagement;
import org.mhaqi.evaluation.engagement.EngagementReports.LevelEngagement;
import org.mhaqi.evaluation.engagement.EngagementReports.PhaseEngagement;
import org.mhaqi.evaluation.engagement.EngagementReports.RegionEngagement;
import org.mhaqi.evaluation.engagement.EngagementReports.ServiceEngagement;
import org.mhaqi.evaluation.enrollment.OrganisationScope;
import org.mhaqi.events.enrollment.Region;
import org.mhaqi.support.web.NotFoundException;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read-only engagement reports, built from the coaching and enrolment events. */
@RestController
@RequestMapping("/api/engagement")
@Tag(name = "Engagement")
class EngagementController {

  private final EngagementReports reports;
  private final OrganisationScope scope;

  EngagementController(EngagementReports reports, OrganisationScope scope) {
    this.reports = reports;
    this.scope = scope;
  }

  /** Enrolled services with their engagement, a page at a time (the platform's paging). */
  @GetMapping("/services")
  @Operation(
      summary = "Enrolled services with their engagement, a page at a time",
      description =
          "Optionally of one phase or region; a trust member's organisation's services only.")
  PagedModel<EnrollmentEngagement> services(
      @RequestParam(required = false) UUID phaseId,
      @RequestParam(required = false) Region region,
      Pageable pageable) {
    return new PagedModel<>(reports.services(phaseId, region, scope.odsCodeFilter(), pageable));
  }

  /** Every enrolment of one service, with its engagement in total and per level. */
  @GetMapping("/services/{serviceId}")
  ServiceEngagement service(@PathVariable UUID serviceId) {
    scope.requireVisible(serviceId);
    List<EnrollmentEngagement> enrollments = reports.service(serviceId);
    if (enrollments.isEmpty()) {
      throw new NotFoundException("engagement of service", serviceId);
    }
    return new ServiceEngagement(serviceId, enrollments);
  }

  @GetMapping("/phases")
  @Operation(
      summary = "Engagement per phase",
      description = "Not paged: bounded by design, one row per phase of the programme.")
  List<PhaseEngagement> phases() {
    return reports.phases();
  }

  @GetMapping("/regions")
  @Operation(
      summary = "Engagement per NHS England region",
      description =
          "Not paged: bounded by design, one row per region (seven at most, and one"
              + " for sessions of enrolments not known yet).")
  List<RegionEngagement> regions(@RequestParam(required = false) UUID phaseId) {
    return reports.regions(phaseId);
  }

  @GetMapping("/levels")
  @Operation(
      summary = "Engagement per coaching level",
      description = "Not paged: bounded by design, one row per coaching level.")
  List<LevelEngagement> levels(@RequestParam(required = false) UUID phaseId) {
    return reports.levels(phaseId);
  }
}
