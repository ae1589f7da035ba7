package dev.setwise.service.sync;

import dev.setwise.domain.Plan;
import dev.setwise.domain.Session;
import dev.setwise.domain.SessionAmendment;
import dev.setwise.domain.StructureTree;
import dev.setwise.json.JsonCodec;
import dev.setwise.json.JsonLimits;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * When a plan or session here and one on the server hold the same thing: what sync compares to
 * recognise its own change after a lost answer, and a change both sides made alike. Versions and
 * bookkeeping times ({@code created_at}, {@code updated_at}) never count.
 */
public final class SyncCompare {

  private static final JsonCodec CODEC = new JsonCodec(JsonLimits.STORED);

  private SyncCompare() {}

  /** Same name, structure and archiving. */
  public static boolean samePlan(Plan a, Plan b) {
    return a.archived() == b.archived() && samePlanContent(a, b);
  }

  /** Same name and structure (what {@code PATCH /api/plans} sends). */
  public static boolean samePlanContent(Plan a, Plan b) {
    return a.name().equals(b.name()) && a.structure().equals(b.structure());
  }

  /** A digest of a plan's name and structure, to tell whether they changed since device and server agreed. */
  public static String planHash(Plan plan) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(plan.name().getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(CODEC.writeBytes(StructureTree.toTree(plan.structure())));
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  /** A digest of a structure (what an update of a session in progress sends). */
  public static String structureHash(dev.setwise.domain.SessionStructure structure) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(CODEC.writeBytes(StructureTree.toTree(structure))));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  /**
   * Same plan, date, times and structure (what the session holds now), and both amended or neither.
   * For a completed session the structure is compared as {@link #sameRecorded} does.
   */
  public static boolean sameSession(Session local, Session remote) {
    if (!sameHead(local, remote) || local.amended() != remote.amended()) {
      return false;
    }
    return local.completed() ? sameRecorded(local.structure(), remote.structure())
        : local.structure().equals(remote.structure());
  }

  /**
   * Whether a recorded structure here (a completed session's original, an amendment) is the one the
   * server holds. Equal, or equal but for the name: a server names a workout that has none after its
   * plan (contract §2, "on start, defaults to the plan's name"), and a completed session here can
   * never take that name (an import may have brought it in without one).
   */
  public static boolean sameRecorded(dev.setwise.domain.SessionStructure local,
      dev.setwise.domain.SessionStructure remote) {
    return local.equals(remote) || local.name() == null && remote.name() != null
        && local.withName(remote.name()).equals(remote);
  }

  /** Same plan, date and times: the parts of a session that never change once it is completed. */
  public static boolean sameHead(Session a, Session b) {
    return Objects.equals(a.planId(), b.planId()) && a.date().equals(b.date())
        && a.startedAt().equals(b.startedAt()) && Objects.equals(a.endedAt(), b.endedAt());
  }

  /** Same reason, time and structure ({@link #sameRecorded}), {@code local} being this device's. */
  public static boolean sameAmendment(SessionAmendment local, SessionAmendment remote) {
    return Objects.equals(local.reason(), remote.reason()) && local.at().equals(remote.at())
        && sameRecorded(local.session(), remote.session());
  }
}
