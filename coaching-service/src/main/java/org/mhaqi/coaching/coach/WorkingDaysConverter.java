package org.mhaqi.coaching.coach;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Stores a set of weekdays as their names, comma-separated, Monday first. */
@Converter
class WorkingDaysConverter implements AttributeConverter<Set<DayOfWeek>, String> {

  @Override
  public String convertToDatabaseColumn(Set<DayOfWeek> days) {
    return EnumSet.copyOf(days).stream().map(DayOfWeek::name).collect(Collectors.joining(","));
  }

  @Override
  public Set<DayOfWeek> convertToEntityAttribute(String column) {
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    Arrays.stream(column.split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .map(DayOfWeek::valueOf)
        .forEach(days::add);
    return days;
  }
}
