package org.mhaqi.evaluation.changeidea;

import java.util.UUID;
import org.mhaqi.evaluation.enrollment.OrganisationScope;
import org.mhaqi.support.web.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * The one ownership check of a change about to be made to an idea, for the team's own PDSA cycles
 * and for its sharing and adoption alike: the caller's own idea, locked; another organisation's is
 * not found (404, as if it did not exist).
 */
@Component
public class OwnChangeIdeas {

  private final ChangeIdeas ideas;
  private final OrganisationScope scope;

  OwnChangeIdeas(ChangeIdeas ideas, OrganisationScope scope) {
    this.ideas = ideas;
    this.scope = scope;
  }

  /** The caller's idea, locked until the transaction ends. */
  public ChangeIdea lock(UUID ideaId) {
    return ideas
        .findForUpdate(ideaId)
        .filter(idea -> scope.includes(idea.serviceId()))
        .orElseThrow(() -> new NotFoundException("change idea", ideaId));
  }
}
