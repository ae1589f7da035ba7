package dev.setwise.service.exchange;

/** What kind of file an import reads; found from the file's content, not its name. */
public enum ImportFormat {
  SETWISE("setwise", "Setwise export"),
  STRONG("strong", "Strong CSV"),
  HEVY("hevy", "Hevy CSV"),
  FITNOTES("fitnotes", "FitNotes CSV");

  private final String code;
  private final String label;

  ImportFormat(String code, String label) {
    this.code = code;
    this.label = label;
  }

  /** The spelling kept in the {@code imports} table. */
  public String code() {
    return code;
  }

  /** A name fit to show. */
  public String label() {
    return label;
  }
}
