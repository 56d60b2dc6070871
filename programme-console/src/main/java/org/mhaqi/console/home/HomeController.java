package org.mhaqi.console.home;

import org.mhaqi.console.signin.ConsoleUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

  @GetMapping("/")
  String home(@AuthenticationPrincipal ConsoleUser user, Model model) {
    model.addAttribute("home", RoleHome.of(user));
    return "home/home";
  }
}
