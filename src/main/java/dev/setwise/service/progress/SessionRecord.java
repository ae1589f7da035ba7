package dev.setwise.service.progress;

import dev.setwise.domain.Unit;
import dev.setwise.domain.progress.RecordKind;

/** A record a completed session set: "Squat, best e1RM 120 kg". */
public record SessionRecord(String exercise, RecordKind kind, double value, Unit unit) {}
