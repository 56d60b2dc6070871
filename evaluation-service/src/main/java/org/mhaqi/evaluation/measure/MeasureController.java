package org.mhaqi.evaluation.measure;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import org.mhaqi.support.web.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@Tag(name = "Measures")
class MeasureController {

  private final Measures measures;

  MeasureController(Measures measures) {
    this.measures = measures;
  }

  /** One stratum a return may carry, with the ethnic group it is reported under. */
  record StratumView(String code, String description, String group, String groupLabel) {}

  record MeasureView(
      String code,
      String name,
      String description,
      Measure.Type type,
      Measure.Unit unit,
      Measure.Improvement improvement,
      Measure.Stratification stratification,
      String numerator,
      String denominator,
      List<StratumView> strata) {

    static MeasureView of(Measure m) {
      List<StratumView> strata =
          switch (m.stratification()) {
            case ETHNIC_CATEGORY -> ethnicCategories();
            case NONE ->
                List.of(new StratumView(Measure.WHOLE_SERVICE, "The whole service", null, null));
          };
      return new MeasureView(
          m.code(),
          m.name(),
          m.description(),
          m.type(),
          m.unit(),
          m.improvement(),
          m.stratification(),
          m.numerator(),
          m.denominator(),
          strata);
    }
  }

  static List<StratumView> ethnicCategories() {
    return Arrays.stream(EthnicCategory.values())
        .map(c -> new StratumView(c.code(), c.description(), c.group().name(), c.group().label()))
        .toList();
  }

  @GetMapping("/measures")
  @Operation(
      summary = "List the measure catalogue",
      description =
          "Every measure with its type, unit, direction of improvement and strata. Not paged:"
              + " bounded by design, the programme's fixed catalogue.")
  List<MeasureView> list() {
    return measures.all().stream().map(MeasureView::of).toList();
  }

  @GetMapping("/measures/{code}")
  @Operation(summary = "Read one measure")
  MeasureView read(@PathVariable String code) {
    return measures
        .find(code)
        .map(MeasureView::of)
        .orElseThrow(() -> new NotFoundException("measure", code));
  }

  @GetMapping("/ethnic-categories")
  @Operation(
      summary = "List the NHS ethnic category codes",
      description =
          "The stratum codes of a stratified measure (A-S, Z, 99) and their groups. Not paged:"
              + " a fixed list.")
  List<StratumView> categories() {
    return ethnicCategories();
  }
}
