package dev.setwise.domain;

/** The thing asked for does not exist, or belongs to another profile (the two look the same). */
public final class NotFoundException extends SetwiseException {

  public NotFoundException(String message) {
    super(message);
  }
}
