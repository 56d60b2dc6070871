package org.mhaqi.evaluation.engagement;

import java.util.List;
import java.util.UUID;
import org.mhaqi.evaluation.engagement.EngagementReports.EnrolmentEngagement;
import org.mhaqi.evaluation.engagement.EngagementReports.LevelEngagement;
import org.mhaqi.evaluation.engagement.EngagementReports.Page;
import org.mhaqi.evaluation.engagement.EngagementReports.PhaseEngagement;
import org.mhaqi.evaluation.engagement.EngagementReports.RegionEngagement;
import org.mhaqi.evaluation.engagement.EngagementReports.ServiceEngagement;
import org.mhaqi.events.enrollment.Region;
import org.mhaqi.support.web.NotFoundException;
import org.mhaqi.support.web.RuleViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read-only engagement reports, built from the coaching and enrolment events. */
@RestController
@RequestMapping("/api/engagement")
class EngagementController {

  static final int MAX_PAGE_SIZE = 500;

  private final EngagementReports reports;

  EngagementController(EngagementReports reports) {
    this.reports = reports;
  }

  /** Enrolled services with their engagement, a page at a time. */
  @GetMapping("/services")
  Page<EnrolmentEngagement> services(
      @RequestParam(required = false) UUID phaseId,
      @RequestParam(required = false) Region region,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    if (page < 0) {
      throw new RuleViolationException(
          HttpStatus.BAD_REQUEST, "invalid-page", "page", "page must be 0 or more, not " + page);
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw new RuleViolationException(
          HttpStatus.BAD_REQUEST,
          "invalid-page-size",
          "size",
          "size must be between 1 and " + MAX_PAGE_SIZE + ", not " + size);
    }
    return reports.services(phaseId, region, page, size);
  }

  /** Every enrolment of one service, with its engagement in total and per level. */
  @GetMapping("/services/{serviceId}")
  ServiceEngagement service(@PathVariable UUID serviceId) {
    List<EnrolmentEngagement> enrolments = reports.service(serviceId);
    if (enrolments.isEmpty()) {
      throw new NotFoundException("engagement of service", serviceId);
    }
    return new ServiceEngagement(serviceId, enrolments);
  }

  @GetMapping("/phases")
  List<PhaseEngagement> phases() {
    return reports.phases();
  }

  @GetMapping("/regions")
  List<RegionEngagement> regions(@RequestParam(required = false) UUID phaseId) {
    return reports.regions(phaseId);
  }

  @GetMapping("/levels")
  List<LevelEngagement> levels(@RequestParam(required = false) UUID phaseId) {
    return reports.levels(phaseId);
  }
}
