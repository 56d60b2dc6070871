package org.mhaqi.console.layout;

import org.mhaqi.console.ConsoleProperties;
import org.mhaqi.console.signin.ConsoleUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The header's service name and user, and where the NHS.UK frontend's files are. */
@ControllerAdvice
class LayoutAdvice {

  /**
   * The nhsuk-frontend release under static/nhsuk-frontend (README there says how to update it).
   */
  static final String NHSUK_FRONTEND = "/nhsuk-frontend/10.6.1";

  private final ConsoleProperties properties;

  LayoutAdvice(ConsoleProperties properties) {
    this.properties = properties;
  }

  @ModelAttribute("serviceName")
  String serviceName() {
    return properties.serviceName();
  }

  @ModelAttribute("assets")
  String assets() {
    return NHSUK_FRONTEND;
  }

  @ModelAttribute("user")
  ConsoleUser user(@AuthenticationPrincipal ConsoleUser user) {
    return user;
  }
}
