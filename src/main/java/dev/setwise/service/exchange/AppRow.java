package dev.setwise.service.exchange;

import dev.setwise.domain.SetType;
import dev.setwise.domain.Unit;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What one row of another app's CSV says, read but not yet added to a workout. A reader makes it
 * without side effects, so a row can be read several ways (to repair one with an unquoted
 * delimiter) before one is kept.
 *
 * @param kind a set, an exercise note ({@code notes} holds it) or a rest timer (nothing to keep)
 * @param workoutKey what makes the workout itself (its session id is derived from it)
 * @param workoutUnit the unit of a workout this row starts
 * @param weightUnit the unit {@code weight} is in (converted to the workout's when they differ)
 * @param weightUnitAssumed true when the file names no unit for this weight: the profile's is used
 * @param distanceUnitAssumed the unit a distance was read in when the file names none, else null
 * @param distanceM the distance in metres
 */
record AppRow(
    Kind kind,
    String workoutKey,
    String workoutName,
    LocalDate date,
    Instant startedAt,
    Instant endedAt,
    Unit workoutUnit,
    String workoutNotes,
    String exercise,
    SetType type,
    Integer reps,
    BigDecimal weight,
    Unit weightUnit,
    boolean weightUnitAssumed,
    BigDecimal rpe,
    Integer seconds,
    BigDecimal distanceM,
    String distanceUnitAssumed,
    String notes,
    String superset) {

  enum Kind { SET, NOTE, REST_TIMER }
}
