package dev.setwise.service.exchange;

/**
 * How to import.
 *
 * @param profileName the profile to import into (ignoring case), or {@code null}: for a Setwise
 *     export, the file's own profile (found by id, then by name, else created); for a CSV, the
 *     only profile there is
 */
public record ImportOptions(String profileName) {

  public static ImportOptions defaults() {
    return new ImportOptions(null);
  }
}
