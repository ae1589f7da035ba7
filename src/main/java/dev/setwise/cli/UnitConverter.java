package dev.setwise.cli;

import dev.setwise.domain.Unit;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code kg} or {@code lb}. */
final class UnitConverter implements ITypeConverter<Unit> {

  @Override
  public Unit convert(String value) {
    return Unit.fromCode(value).orElseThrow(() -> new TypeConversionException("must be kg or lb, not '" + value + "'"));
  }
}
