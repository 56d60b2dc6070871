package org.mhaqi.console.draft;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.mhaqi.console.api.FieldError;
import org.springframework.stereotype.Component;

/**
 * Drafts of forms by the form's path, in the session: a refused form is shown again with what was
 * typed and why it was refused (also after a refresh), and a form sent after the session ended is
 * shown again after signing in. Discarded when the form is accepted.
 */
@Component
public class FormDrafts {

  private static final String DRAFTS = FormDrafts.class.getName() + ".drafts";
  private static final String RESUME = FormDrafts.class.getName() + ".resume";

  /** What was typed, field by field, and what the service said about it. */
  public record Draft(Map<String, String> values, List<FieldError> errors) implements Serializable {

    public Draft {
      values = Map.copyOf(values);
      errors = List.copyOf(errors);
    }

    public String value(String field) {
      return values.getOrDefault(field, "");
    }
  }

  /** The form's path within the console: its drafts' key. */
  public static String pathOf(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  /** The form's fields as sent, without the CSRF token; the first value of each. */
  public static Map<String, String> values(HttpServletRequest request) {
    Map<String, String> values = new LinkedHashMap<>();
    request
        .getParameterMap()
        .forEach(
            (name, sent) -> {
              if (!name.equals("_csrf") && sent.length > 0) {
                values.put(name, sent[0]);
              }
            });
    return values;
  }

  public void keep(
      HttpServletRequest request,
      String path,
      Map<String, String> values,
      List<FieldError> errors) {
    drafts(request.getSession()).put(path, new Draft(values, errors));
  }

  public Optional<Draft> find(HttpServletRequest request, String path) {
    HttpSession session = request.getSession(false);
    return session == null ? Optional.empty() : Optional.ofNullable(drafts(session).get(path));
  }

  public void discard(HttpServletRequest request, String path) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      drafts(session).remove(path);
    }
  }

  /** Where to go once signed in again: the form whose input was kept. */
  public void resumeAt(HttpServletRequest request, String path) {
    request.getSession().setAttribute(RESUME, path);
  }

  public String takeResumePath(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Object path = session.getAttribute(RESUME);
    session.removeAttribute(RESUME);
    return (String) path;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Draft> drafts(HttpSession session) {
    Object drafts = session.getAttribute(DRAFTS);
    if (drafts == null) {
      drafts = new ConcurrentHashMap<String, Draft>();
      session.setAttribute(DRAFTS, drafts);
    }
    return (Map<String, Draft>) drafts;
  }
}
