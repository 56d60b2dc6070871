package org.mhaqi.notification.contact;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The page every message links to. Opening the link only asks (mail scanners open links); the
 * button, a plain form without JavaScript, unsubscribes. No sign-in: the signed token is the proof.
 */
@RestController
@Tag(name = "Unsubscribe")
class UnsubscribeController {

  private final UnsubscribeLinks links;
  private final Contacts contacts;
  private final TemplateEngine templates;

  UnsubscribeController(UnsubscribeLinks links, Contacts contacts, TemplateEngine templates) {
    this.links = links;
    this.contacts = contacts;
    this.templates = templates;
  }

  @GetMapping(value = "/unsubscribe/{token}", produces = MediaType.TEXT_HTML_VALUE)
  @Operation(summary = "The unsubscribe page of a message's link (no sign-in)")
  ResponseEntity<String> ask(@PathVariable String token) {
    return page(links.contactOf(token), "ask");
  }

  @PostMapping(value = "/unsubscribe/{token}", produces = MediaType.TEXT_HTML_VALUE)
  @Operation(summary = "Unsubscribe by a message's link: no more messages to that address")
  ResponseEntity<String> unsubscribe(@PathVariable String token) {
    Optional<UUID> contact = links.contactOf(token);
    contact.ifPresent(contacts::unsubscribe);
    return page(contact, "done");
  }

  private ResponseEntity<String> page(Optional<UUID> contact, String state) {
    String html =
        templates.process(
            "pages/unsubscribe.html",
            new Context(
                java.util.Locale.UK, Map.of("state", contact.isPresent() ? state : "invalid")));
    return ResponseEntity.status(contact.isPresent() ? HttpStatus.OK : HttpStatus.NOT_FOUND)
        .contentType(MediaType.TEXT_HTML)
        .body(html);
  }
}
