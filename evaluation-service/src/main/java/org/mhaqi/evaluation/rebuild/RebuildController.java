package org.mhaqi.evaluation.rebuild;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.mhaqi.support.web.RuleViolationException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The rebuild command: {@code POST /api/admin/engagement/rebuild} replays the topics from the start
 * into fresh tables and swaps them in; it answers when the rebuilt figures are live.
 */
@RestController
@RequestMapping("/api/admin/engagement")
@Tag(name = "Engagement")
class RebuildController {

  private final EngagementRebuild rebuild;

  RebuildController(EngagementRebuild rebuild) {
    this.rebuild = rebuild;
  }

  @PostMapping("/rebuild")
  EngagementRebuild.Result rebuild() {
    try {
      return rebuild.rebuild();
    } catch (EngagementRebuild.AlreadyRunning e) {
      throw RuleViolationException.conflict("rebuild-running", null, e.getMessage());
    }
  }
}
