package org.mhaqi.console.signin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.mhaqi.console.draft.FormDrafts;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A form sent (with a valid CSRF token) after the session ended: its input is kept in the new
 * session so that the form shows it again once the user has signed in again.
 */
final class DraftKeepingFilter extends OncePerRequestFilter {

  private final FormDrafts drafts;

  DraftKeepingFilter(FormDrafts drafts) {
    this.drafts = drafts;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = FormDrafts.pathOf(request);
    if (isFormPost(request) && !signedIn() && !path.equals("/logout")) {
      drafts.keep(request, path, FormDrafts.values(request), List.of());
      drafts.resumeAt(request, path);
    }
    chain.doFilter(request, response);
  }

  private static boolean isFormPost(HttpServletRequest request) {
    return "POST".equals(request.getMethod())
        && request.getContentType() != null
        && request.getContentType().startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
  }

  private static boolean signedIn() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null && authentication.isAuthenticated();
  }
}
