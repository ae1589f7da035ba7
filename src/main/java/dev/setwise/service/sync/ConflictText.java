package dev.setwise.service.sync;

import dev.setwise.domain.sync.EntityCopy;

/** The one line that says what a conflict is about, as {@code sync status} and the app show it. */
final class ConflictText {

  private ConflictText() {}

  static String about(ConflictDraft draft) {
    EntityCopy named = draft.local() != null ? draft.local() : draft.remote();
    String title = named == null ? draft.type().code() + " " + draft.entityId() : named.title();
    String text = switch (draft.kind()) {
      case CHANGED_BOTH -> title + " was changed here and on the server";
      case DELETED_REMOTELY -> title + " was changed here and deleted on the server";
      case DELETED_LOCALLY -> title + " was deleted here and changed on the server";
      case TWO_IN_PROGRESS -> title + " is in progress here while "
          + (draft.remote() == null ? "another workout" : draft.remote().title()) + " is in progress on the server";
    };
    return text.length() <= 400 ? text : text.substring(0, 399) + "…";
  }

  /** A workout from the server whose plan was deleted here. */
  static String planGoneHere(EntityCopy session) {
    String text = session.title() + " was logged on the server on a plan deleted here";
    return text.length() <= 400 ? text : text.substring(0, 399) + "…";
  }

  /** A plan deleted on the server that workouts here (not on the server yet) use. */
  static String planInUse(EntityCopy plan, int sessions) {
    String text = plan.title() + " was deleted on the server, and " + sessions + " workout"
        + (sessions == 1 ? "" : "s") + " here use it";
    return text.length() <= 400 ? text : text.substring(0, 399) + "…";
  }
}
