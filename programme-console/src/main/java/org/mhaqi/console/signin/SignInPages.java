package org.mhaqi.console.signin;

import org.mhaqi.console.ConsoleProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The pages a user sees without being signed in: after signing out, after the session ended. */
@Controller
class SignInPages {

  private final ConsoleProperties properties;

  SignInPages(ConsoleProperties properties) {
    this.properties = properties;
  }

  @GetMapping("/signed-out")
  String signedOut(Model model) {
    model.addAttribute("signIn", SignInConfiguration.SIGN_IN);
    // Signing out of the platform's sign-in service too lets someone else sign in.
    model.addAttribute(
        "platformSignOut", properties.authServerUrl().toString().replaceAll("/+$", "") + "/logout");
    return "signin/signed-out";
  }

  @GetMapping("/session-ended")
  String sessionEnded(Model model) {
    model.addAttribute("signIn", SignInConfiguration.SIGN_IN);
    return "signin/session-ended";
  }
}
