package dev.setwise.domain;

/** The user-facing messages of the contract's error table, in one place so every face says the same. */
public final class Messages {

  public static final String INVALID_SESSION_DATA = "Invalid session data";
  public static final String INVALID_PLAN_DATA = "Invalid plan data";
  public static final String INVALID_QUERY = "Invalid query parameters";
  public static final String PLAN_NOT_FOUND_OR_DENIED = "Plan not found or access denied";
  public static final String SESSION_IN_PROGRESS = "An in-progress session already exists";
  public static final String SESSION_NOT_FOUND = "Session not found";
  public static final String PLAN_NOT_FOUND = "Plan not found";
  public static final String SESSION_COMPLETED = "Cannot update completed session";
  public static final String ONLY_COMPLETED_AMENDED = "Only completed sessions can be amended";
  public static final String PLAN_EXISTS = "Plan already exists";
  public static final String SESSION_EXISTS = "Session already exists";
  public static final String PLAN_CHANGED = "Plan was changed elsewhere";
  public static final String SESSION_CHANGED = "Session was changed elsewhere";
  public static final String PROFILE_NOT_FOUND = "Profile not found";
  public static final String INVALID_PROFILE_DATA = "Invalid profile data";
  public static final String ONLY_COMPLETED_REPEATED = "Only completed sessions can be repeated";

  private Messages() {}
}
