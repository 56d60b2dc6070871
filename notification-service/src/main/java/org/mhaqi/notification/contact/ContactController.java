package org.mhaqi.notification.contact;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Contacts")
class ContactController {

  private final Contacts contacts;

  ContactController(Contacts contacts) {
    this.contacts = contacts;
  }

  record KindsRequest(Set<MessageKind> kinds) {}

  @PostMapping("/api/contacts")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Add a contact",
      description =
          "Scope ORGANISATION (odsCode), SERVICE (serviceId), COACH (coachId) or CENTRAL_TEAM."
              + " A trust member adds their organisation's, a coach contacts with their own e-mail"
              + " address, the central team any.")
  Contact create(@RequestBody Contacts.NewContact request) {
    return contacts.create(request);
  }

  @GetMapping("/api/contacts")
  @Operation(summary = "The contacts you manage, by name")
  List<Contact> list() {
    return contacts.visible();
  }

  @GetMapping("/api/contacts/{contactId}")
  @Operation(summary = "A contact you manage")
  Contact get(@PathVariable UUID contactId) {
    return contacts.get(contactId);
  }

  @PutMapping("/api/contacts/{contactId}/kinds")
  @Operation(summary = "Choose the kinds of message a contact receives")
  Contact changeKinds(@PathVariable UUID contactId, @RequestBody KindsRequest request) {
    return contacts.changeKinds(contactId, request.kinds());
  }

  @DeleteMapping("/api/contacts/{contactId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(
      summary = "Erase a contact",
      description =
          "Removes the contact, and the address and text of every message written to them;"
              + " their queued messages are withdrawn.")
  void erase(@PathVariable UUID contactId) {
    contacts.erase(contactId);
  }
}
