package dev.setwise.service.exchange;

/**
 * Names of the export document ({@code docs/export-format.md}). Version 2 adds the sessions'
 * versions and amendments; a reader still reads version 1.
 */
public final class ExportFormat {

  public static final String FORMAT = "setwise-export";
  public static final int VERSION = 2;
  /** The oldest version a reader still reads. */
  public static final int FIRST_VERSION = 1;

  static final String F_FORMAT = "format";
  static final String F_VERSION = "version";
  static final String F_EXPORTED_AT = "exported_at";
  static final String F_EXPORTED_BY = "exported_by";
  static final String F_PROFILE = "profile";
  static final String F_COUNTS = "counts";
  static final String F_PLANS = "plans";
  static final String F_SESSIONS = "sessions";
  static final String F_AMENDMENTS = "amendments";

  private ExportFormat() {}
}
