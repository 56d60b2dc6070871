package org.mhaqi.events.enrollment;

/** The seven NHS England regions. */
public enum Region {
  NORTH_EAST_AND_YORKSHIRE,
  NORTH_WEST,
  MIDLANDS,
  EAST_OF_ENGLAND,
  LONDON,
  SOUTH_EAST,
  SOUTH_WEST
}
