package dev.setwise.service.exchange;

import dev.setwise.domain.Plan;
import dev.setwise.domain.Problem;
import dev.setwise.domain.Problems;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Session;
import dev.setwise.domain.TreeObject;
import dev.setwise.domain.ValidationException;
import dev.setwise.json.JsonCodec;
import dev.setwise.json.JsonDocumentReader;
import dev.setwise.json.JsonLimits;
import dev.setwise.service.Cancellation;
import dev.setwise.service.Progress;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a Setwise export document as a stream and feeds its profile, plans and sessions to an
 * {@link ImportRun}. The envelope rules (see {@code docs/export-format.md}): {@code format} then
 * {@code version} come first, so a reader knows what it holds before reading on; {@code profile}
 * comes before {@code plans}, and {@code plans} before {@code sessions}, so that every reference
 * can be checked in one pass.
 */
final class SetwiseDocument {

  /** Bounds for an import file: any size, but every token within the request limits. */
  static final JsonLimits LIMITS = new JsonLimits(64L * 1024 * 1024 * 1024, 32, 64 * 1024, 64, 256);

  private static final Set<String> COUNT_FIELDS = Set.of("plans", "sessions");
  private static final Set<String> COUNT_FIELDS_V2 = Set.of("plans", "sessions", "amendments");
  private static final int PROGRESS_EVERY = 100;

  private final JsonCodec codec = new JsonCodec(LIMITS);

  /**
   * Reads the whole document. Problems of items are added to {@code run.problems}; a problem that
   * stops the reading (broken JSON, a limit, a wrong envelope) is thrown.
   *
   * @throws ValidationException for a problem after which the rest cannot be read
   */
  void read(InputStream in, ImportRun run, String requestedProfile, Progress progress, String step,
      Cancellation cancellation) throws SQLException {
    Problems problems = run.problems;
    try (JsonDocumentReader reader = new JsonDocumentReader(in, codec, ImportService.INVALID_FILE)) {
      reader.beginObject();
      String first = reader.nextProperty();
      if (!ExportFormat.F_FORMAT.equals(first) || !ExportFormat.FORMAT.equals(reader.readValue())) {
        throw stop("$", "is not a Setwise export: it must begin with \"format\": \"" + ExportFormat.FORMAT + "\"");
      }
      if (!ExportFormat.F_VERSION.equals(reader.nextProperty())) {
        throw stop(ExportFormat.F_VERSION, "must follow format");
      }
      int version = checkVersion(reader.readValue());
      boolean profileSeen = false;
      boolean plansSeen = false;
      boolean sessionsSeen = false;
      boolean amendmentsSeen = false;
      long expectedPlans = -1;
      long expectedSessions = -1;
      long expectedAmendments = -1;
      long planCount = 0;
      long sessionCount = 0;
      long amendmentCount = 0;
      for (String name = reader.nextProperty(); name != null; name = reader.nextProperty()) {
        switch (name) {
          case ExportFormat.F_EXPORTED_AT -> {
            Object value = reader.readValue();
            if (!(value instanceof String text) || text.length() > 64 || TreeObject.parseInstant(text) == null) {
              problems.add(name, "must be an ISO-8601 instant such as 2026-11-24T07:15:00Z");
            }
          }
          case ExportFormat.F_EXPORTED_BY -> {
            Object value = reader.readValue();
            if (!(value instanceof String text) || text.length() > 200) {
              problems.add(name, "must be a string of at most 200 characters");
            }
          }
          case ExportFormat.F_PROFILE -> {
            if (plansSeen || sessionsSeen || profileSeen) {
              throw stop(name, profileSeen ? "appears twice" : "must come before plans and sessions");
            }
            profileSeen = true;
            Profile profile = ExportItems.profile(reader.readValue(), name, problems);
            run.targetFromFile(profile, requestedProfile);
            run.checkpoint();
          }
          case ExportFormat.F_COUNTS -> {
            Problems own = new Problems();
            TreeObject counts = TreeObject.of(reader.readValue(), name, own);
            if (counts != null) {
              counts.allowOnly(version >= 2 ? COUNT_FIELDS_V2 : COUNT_FIELDS);
              Integer plans = counts.integer("plans", true, 0, Integer.MAX_VALUE);
              Integer sessions = counts.integer("sessions", true, 0, Integer.MAX_VALUE);
              Integer amendments = version >= 2 ? counts.integer("amendments", false, 0, Integer.MAX_VALUE) : null;
              expectedPlans = plans == null ? -1 : plans;
              expectedSessions = sessions == null ? -1 : sessions;
              expectedAmendments = amendments == null ? -1 : amendments;
            }
            own.list().forEach(p -> problems.add(p.path(), p.message()));
          }
          case ExportFormat.F_PLANS -> {
            if (!profileSeen) {
              throw stop(name, "must come after profile");
            }
            if (sessionsSeen || plansSeen) {
              throw stop(name, plansSeen ? "appears twice" : "must come before sessions");
            }
            plansSeen = true;
            if (!array(reader, name, problems)) {
              continue;
            }
            long total = total(expectedPlans, expectedSessions);
            while (reader.nextItem()) {
              cancellation.check();
              Object tree = reader.readItem();
              Plan plan = ExportItems.plan(tree, reader.path(), problems);
              if (plan != null) {
                run.plan(reader.path(), plan);
              } else if (tree instanceof Map<?, ?> map && map.get("id") instanceof String id
                  && TreeObject.parseUuid(id) != null) {
                run.invalidPlan(TreeObject.parseUuid(id));
              }
              run.checkpoint();
              if (++planCount % PROGRESS_EVERY == 0) {
                progress.update(step, planCount, total);
              }
            }
          }
          case ExportFormat.F_SESSIONS -> {
            if (!plansSeen) {
              throw stop(name, "must come after plans");
            }
            if (sessionsSeen) {
              throw stop(name, "appears twice");
            }
            sessionsSeen = true;
            if (!array(reader, name, problems)) {
              continue;
            }
            long total = total(expectedPlans, expectedSessions);
            while (reader.nextItem()) {
              cancellation.check();
              Object tree = reader.readItem();
              Session session = ExportItems.session(tree, reader.path(), problems, version);
              if (session != null) {
                run.session(reader.path(), session);
              } else {
                run.invalidSession(tree);
              }
              run.checkpoint();
              if (++sessionCount % PROGRESS_EVERY == 0) {
                progress.update(step, planCount + sessionCount, total);
              }
            }
            run.finish(name);
          }
          case ExportFormat.F_AMENDMENTS -> {
            if (version < 2) {
              problems.add(name, "is not a known property (amendments are part of version 2 of the format)");
              reader.skipValue();
              continue;
            }
            if (!sessionsSeen || amendmentsSeen) {
              throw stop(name, amendmentsSeen ? "appears twice" : "must come after sessions");
            }
            amendmentsSeen = true;
            if (!array(reader, name, problems)) {
              continue;
            }
            while (reader.nextItem()) {
              cancellation.check();
              ExportItems.Amendment amendment = ExportItems.amendment(reader.readItem(), reader.path(), problems);
              if (amendment != null) {
                run.amendment(reader.path(), amendment);
              }
              run.checkpoint();
              if (++amendmentCount % PROGRESS_EVERY == 0) {
                progress.update(step, planCount + sessionCount + amendmentCount, -1);
              }
            }
          }
          default -> {
            problems.add(name, "is not a known property");
            reader.skipValue();
          }
        }
      }
      if (!profileSeen) {
        problems.add(ExportFormat.F_PROFILE, "is required");
      }
      if (!plansSeen) {
        problems.add(ExportFormat.F_PLANS, "is required");
      }
      if (!sessionsSeen) {
        problems.add(ExportFormat.F_SESSIONS, "is required");
      }
      if (expectedPlans >= 0 && plansSeen && expectedPlans != planCount) {
        problems.add("counts.plans", "says " + expectedPlans + ", but the file holds " + planCount + " plans");
      }
      if (expectedSessions >= 0 && sessionsSeen && expectedSessions != sessionCount) {
        problems.add("counts.sessions", "says " + expectedSessions + ", but the file holds " + sessionCount
            + " sessions");
      }
      if (expectedAmendments >= 0 && expectedAmendments != amendmentCount) {
        problems.add("counts.amendments", "says " + expectedAmendments + ", but the file holds " + amendmentCount
            + " amendments");
      }
      if (sessionsSeen) {
        run.amendments.finish();
      }
      progress.update(step, planCount + sessionCount, planCount + sessionCount);
    }
  }

  private static boolean array(JsonDocumentReader reader, String name, Problems problems) {
    if (reader.isArray()) {
      return true;
    }
    problems.add(name, "must be an array");
    reader.skipValue();
    return false;
  }

  private static long total(long plans, long sessions) {
    return plans >= 0 && sessions >= 0 ? plans + sessions : -1;
  }

  /** The version of the file: one this reader reads ({@value ExportFormat#FIRST_VERSION} to {@value ExportFormat#VERSION}). */
  private static int checkVersion(Object value) {
    BigDecimal number = value instanceof BigInteger integer ? new BigDecimal(integer)
        : value instanceof BigDecimal decimal ? decimal : null;
    if (number == null || number.stripTrailingZeros().scale() > 0) {
      throw stop(ExportFormat.F_VERSION, "must be a whole number");
    }
    if (number.compareTo(BigDecimal.valueOf(ExportFormat.VERSION)) > 0) {
      // toString, not toPlainString: 1e999999999 in plain digits is a billion characters
      String shown = number.precision() - number.scale() <= 18 ? number.toPlainString() : number.toString();
      throw stop(ExportFormat.F_VERSION, "is " + shown
          + ": the file was written by a newer Setwise; update Setwise to import it");
    }
    if (number.compareTo(BigDecimal.valueOf(ExportFormat.FIRST_VERSION)) < 0) {
      throw stop(ExportFormat.F_VERSION, "must be " + ExportFormat.FIRST_VERSION + " to " + ExportFormat.VERSION);
    }
    return number.intValueExact();
  }

  private static ValidationException stop(String path, String reason) {
    return new ValidationException(ImportService.INVALID_FILE, List.of(new Problem(path, reason)));
  }
}
