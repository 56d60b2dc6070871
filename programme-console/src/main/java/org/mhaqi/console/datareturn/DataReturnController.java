package org.mhaqi.console.datareturn;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.mhaqi.console.api.FieldError;
import org.mhaqi.console.api.Part;
import org.mhaqi.console.api.ProblemMessages;
import org.mhaqi.console.api.ServiceCalls;
import org.mhaqi.console.api.ServiceCalls.Service;
import org.mhaqi.console.api.ServiceRefusal;
import org.mhaqi.console.api.ServiceUnavailable;
import org.mhaqi.console.datareturn.ReturnForm.Measure;
import org.mhaqi.console.draft.FormDrafts;
import org.mhaqi.console.draft.FormDrafts.Draft;
import org.mhaqi.console.layout.Crumb;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A service's monthly returns: what was sent, a form per measure, and a CSV upload whose refused
 * rows are listed with their reasons. A refused form keeps what was typed (see {@link FormDrafts}).
 */
@Controller
class DataReturnController {

  private final ServiceCalls calls;
  private final FormDrafts drafts;

  DataReturnController(ServiceCalls calls, FormDrafts drafts) {
    this.calls = calls;
    this.drafts = drafts;
  }

  record ServiceName(UUID id, String name) {}

  /** A stored return as evaluation-service lists it. */
  record SentReturn(
      String measureCode, YearMonth month, int version, String source, Instant submittedAt) {}

  @GetMapping("/services/{serviceId}/data-returns")
  String returns(@PathVariable UUID serviceId, Model model) {
    model.addAttribute("service", serviceName(serviceId));
    model.addAttribute(
        "sent",
        calls.part(
            "the returns sent for this service",
            Service.EVALUATION,
            api ->
                api.get()
                    .uri("/api/services/{id}/data-returns", serviceId)
                    .retrieve()
                    .body(new ParameterizedTypeReference<List<SentReturn>>() {})));
    Part<List<Measure>> measures = measures();
    model.addAttribute("measures", measures);
    // The table names each measure as the catalogue does; its code only if the catalogue is away.
    model.addAttribute(
        "measureNames",
        measures.available()
            ? measures.value().stream()
                .collect(
                    java.util.stream.Collectors.toMap(Measure::code, Measure::name, (a, b) -> a))
            : Map.of());
    model.addAttribute("serviceId", serviceId);
    model.addAttribute("crumbs", Crumb.trail(new Crumb("Your organisation", "/organisation")));
    return "datareturn/returns";
  }

  @GetMapping("/services/{serviceId}/data-returns/{measureCode}/new")
  String form(
      @PathVariable UUID serviceId,
      @PathVariable String measureCode,
      HttpServletRequest request,
      Model model) {
    Part<Measure> measure = measure(measureCode);
    model.addAttribute("service", serviceName(serviceId));
    model.addAttribute("measure", measure);
    model.addAttribute(
        "draft",
        drafts.find(request, FormDrafts.pathOf(request)).orElse(new Draft(Map.of(), List.of())));
    model.addAttribute("serviceId", serviceId);
    model.addAttribute(
        "crumbs",
        Crumb.trail(
            new Crumb("Your organisation", "/organisation"),
            new Crumb("Data returns", "/services/" + serviceId + "/data-returns")));
    return "datareturn/form";
  }

  @PostMapping("/services/{serviceId}/data-returns/{measureCode}/new")
  String submit(
      @PathVariable UUID serviceId,
      @PathVariable String measureCode,
      HttpServletRequest request,
      RedirectAttributes redirect) {
    String path = FormDrafts.pathOf(request);
    Map<String, String> values = FormDrafts.values(request);
    Part<Measure> measure = measure(measureCode);
    if (!measure.available()) {
      drafts.keep(
          request, path, values, List.of(new FieldError(null, null, measure.unavailable())));
      return "redirect:" + path;
    }
    ReturnForm form = new ReturnForm(measure.value());
    List<FieldError> incomplete = form.incomplete(values);
    if (!incomplete.isEmpty()) {
      drafts.keep(request, path, values, incomplete);
      return "redirect:" + path;
    }
    try {
      calls.submit(
          "sending the return",
          Service.EVALUATION,
          api ->
              api.post()
                  .uri("/api/services/{id}/data-returns", serviceId)
                  .contentType(MediaType.APPLICATION_JSON)
                  .body(form.body(values))
                  .retrieve()
                  .toBodilessEntity(),
          field -> form.field(field, values));
    } catch (ServiceRefusal refusal) {
      drafts.keep(request, path, values, refusal.errors());
      return "redirect:" + path;
    } catch (ServiceUnavailable unavailable) {
      drafts.keep(
          request, path, values, List.of(new FieldError(null, null, unavailable.getMessage())));
      return "redirect:" + path;
    }
    drafts.discard(request, path);
    redirect.addFlashAttribute(
        "sentMessage",
        "Your return for " + measure.value().name() + ", " + values.get("month") + " was sent.");
    return "redirect:/services/" + serviceId + "/data-returns";
  }

  @PostMapping("/services/{serviceId}/data-returns/upload")
  String upload(
      @PathVariable UUID serviceId,
      @RequestParam(name = "file", required = false) MultipartFile file,
      RedirectAttributes redirect)
      throws IOException {
    String back = "redirect:/services/" + serviceId + "/data-returns";
    if (file == null || file.isEmpty()) {
      redirect.addFlashAttribute(
          "csvErrors", List.of(new FieldError("file", null, "Select a CSV file to upload")));
      return back;
    }
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    String filename =
        file.getOriginalFilename() == null ? "returns.csv" : file.getOriginalFilename();
    parts.add(
        "file",
        new ByteArrayResource(file.getBytes()) {
          @Override
          public String getFilename() {
            return filename;
          }
        });
    try {
      List<SentReturn> stored =
          calls.submit(
              "uploading the file",
              Service.EVALUATION,
              api ->
                  api.post()
                      .uri("/api/services/{id}/data-returns", serviceId)
                      .contentType(MediaType.MULTIPART_FORM_DATA)
                      .body(parts)
                      .retrieve()
                      .body(new ParameterizedTypeReference<List<SentReturn>>() {}),
              field -> new ProblemMessages.Field("file", csvColumn(field)));
      redirect.addFlashAttribute(
          "sentMessage",
          "Your file was accepted: "
              + (stored == null ? 0 : stored.size())
              + " returns were saved.");
    } catch (ServiceRefusal refusal) {
      redirect.addFlashAttribute("csvErrors", refusal.errors());
    } catch (ServiceUnavailable unavailable) {
      redirect.addFlashAttribute(
          "csvErrors", List.of(new FieldError("file", null, unavailable.getMessage())));
    }
    return back;
  }

  /** The CSV file's columns as a sentence names them. */
  static String csvColumn(String column) {
    if (column == null) {
      return "file";
    }
    return switch (column) {
      case "measure_code" -> "measure code";
      case "stratum_code" -> "stratum code";
      case "correction_reason" -> "reason for the correction";
      case "file" -> "file";
      default -> column.replace('_', ' ');
    };
  }

  private Part<ServiceName> serviceName(UUID serviceId) {
    return calls.part(
        "the service's name",
        Service.ENROLLMENT,
        api -> api.get().uri("/api/services/{id}", serviceId).retrieve().body(ServiceName.class));
  }

  private Part<List<Measure>> measures() {
    return calls.part(
        "the measure catalogue",
        Service.EVALUATION,
        api ->
            api.get()
                .uri("/api/measures")
                .retrieve()
                .body(new ParameterizedTypeReference<List<Measure>>() {}));
  }

  private Part<Measure> measure(String code) {
    return calls.part(
        "the measure " + code,
        Service.EVALUATION,
        api -> api.get().uri("/api/measures/{code}", code).retrieve().body(Measure.class));
  }
}
