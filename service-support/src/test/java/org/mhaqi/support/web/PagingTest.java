package org.mhaqi.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;

class PagingTest {

  @Test
  void absentParametersTakeTheDefaults() {
    assertThatCode(() -> Paging.check(null, null, null)).doesNotThrowAnyException();
    assertThat(Paging.DEFAULT_SIZE).isEqualTo(50);
    assertThat(Paging.MAX_SIZE).isEqualTo(200);
  }

  @Test
  void pagesCountFromZero() {
    assertThatCode(() -> Paging.check("0", null, null)).doesNotThrowAnyException();
    assertThatCode(() -> Paging.check("7", null, null)).doesNotThrowAnyException();
    assertRefused("-1", null, null, "page");
    assertRefused("first", null, null, "page");
    assertRefused("99999999999", null, null, "page");
  }

  @Test
  void aPageWhoseOffsetPassesTheLargestIntIsRefused() {
    // Found by CoachingFuzzIT: page=100000000 reached the repository and failed there, a 500.
    assertThatCode(() -> Paging.check("42949672", null, null)).doesNotThrowAnyException();
    assertRefused("42949673", null, null, "page");
    assertRefused("100000000", null, null, "page");
    assertThatCode(() -> Paging.check("10737418", "200", null)).doesNotThrowAnyException();
    assertRefused("10737419", "200", null, "page");
  }

  @Test
  void sizesRunFromOneToTheMaximum() {
    assertThatCode(() -> Paging.check(null, "1", null)).doesNotThrowAnyException();
    assertThatCode(() -> Paging.check(null, "200", null)).doesNotThrowAnyException();
    assertRefused(null, "0", null, "size");
    assertRefused(null, "201", null, "size");
    assertRefused(null, "-5", null, "size");
    assertRefused(null, "many", null, "size");
  }

  @Test
  void theOrderOfAListIsFixed() {
    assertRefused(null, null, "name,desc", "sort");
  }

  @Test
  void theRequestedPageKeepsItsNumberAndSizeInTheListsOrder() {
    Sort order = Sort.by("appliedAt", "id");
    Pageable page = Paging.inOrder(PageRequest.of(3, 20, Sort.by("other")), order);
    assertThat(page.getPageNumber()).isEqualTo(3);
    assertThat(page.getPageSize()).isEqualTo(20);
    assertThat(page.getSort()).isEqualTo(order);
  }

  private static void assertRefused(String page, String size, String sort, String parameter) {
    assertThatThrownBy(() -> Paging.check(page, size, sort))
        .isInstanceOfSatisfying(
            RuleViolationException.class,
            e -> {
              assertThat(e.field()).isEqualTo(parameter);
              assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
              assertThat(e.code()).isEqualTo("invalid-parameter");
              assertThat(e.getMessage()).startsWith(parameter + ": ");
            });
  }
}
