package dev.setwise.json;

import dev.setwise.domain.Exercise;
import dev.setwise.domain.Problem;
import dev.setwise.domain.Problems;
import dev.setwise.domain.SessionStructure;
import dev.setwise.domain.SetEntry;
import dev.setwise.domain.SetType;
import dev.setwise.domain.StructureTree;
import dev.setwise.domain.StructureValidator;
import dev.setwise.domain.Timestamps;
import dev.setwise.domain.Unit;
import dev.setwise.domain.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * A SessionStructure as JSON text, the way the store keeps snapshots. Reading validates with the
 * same rules as any input; stored text that breaks them is a corrupt database, not user error, so
 * it is an {@link IllegalStateException} (a server error at the REST edge), never a
 * {@link ValidationException} (which would tell a client that its request was wrong).
 *
 * <p>{@link #readTrusted} binds text that the store has proved to be what Setwise itself wrote
 * (its check matched, docs/decisions/0033) straight into the records, without a tree and without
 * validating again; anything unexpected in it sends it down the validating path after all.
 */
public final class StructureJson {

  /** Built on first use: a command or a window that reads no structure loads no Jackson (docs/decisions/0045). */
  private final LazyCodec codec = new LazyCodec(JsonLimits.STORED);

  public StructureJson() {}

  public String write(SessionStructure structure) {
    // straight from the records: the bytes of StructureTree's tree written by the codec, without the tree
    return StructureWriter.write(structure);
  }

  /**
   * @param json stored text; {@code null} when the store could not read it as text
   * @throws IllegalStateException when the text is not a valid structure (a corrupt row)
   */
  public SessionStructure read(String json) {
    Problems problems = new Problems();
    SessionStructure structure = parse(json, false, problems);
    if (!problems.isEmpty()) {
      throw new IllegalStateException("Stored structure is corrupt: " + problems.list());
    }
    return structure;
  }

  /** The mapper every text of the codec is written with (summaries too: {@link SummaryJson}). */
  public JsonMapper mapper() {
    return codec.get().mapper();
  }

  /**
   * Binds a structure that Setwise validated and wrote itself (the store matched its check) without
   * validating it again. Should the text hold anything {@link #write} does not write, it is read
   * with {@link #read} instead, so a surprise is never bound unchecked.
   *
   * @throws IllegalStateException when the text is not a valid structure after all (a corrupt row)
   */
  public SessionStructure readTrusted(String json) {
    if (json != null) {
      try (JsonParser parser = codec.get().mapper().createParser(json)) {
        SessionStructure structure = TrustedBinder.structure(parser);
        if (structure != null && parser.nextToken() == null) {
          return structure;
        }
      } catch (RuntimeException unexpected) {
        // not what write() writes: the validating path below says what is wrong with it
      }
    }
    return read(json);
  }

  /**
   * Why stored text is not a valid snapshot ({@code plan} false) or plan structure ({@code plan}
   * true), as a short phrase with the first problem and its path; {@code null} when it is valid.
   */
  public String problem(String json, boolean plan) {
    Problems problems = new Problems();
    parse(json, plan, problems);
    if (problems.isEmpty()) {
      return null;
    }
    Problem first = problems.list().get(0);
    String where = first.path().equals("$") ? "" : " at " + first.path();
    String more = problems.list().size() > 1 ? " (and " + (problems.list().size() - 1) + " more problems)" : "";
    return first.message() + where + more;
  }

  private SessionStructure parse(String json, boolean plan, Problems problems) {
    if (json == null) {
      problems.add("$", "is not readable text (not valid UTF-8, or not text at all)");
      return null;
    }
    Object tree;
    try {
      tree = codec.get().readText(json, "Stored structure is corrupt");
    } catch (ValidationException e) {
      e.problems().forEach(p -> problems.add(p.path(), p.message()));
      return null;
    }
    return plan ? StructureValidator.readPlan(tree, "$", problems) : StructureValidator.read(tree, "$", problems);
  }

  /**
   * Reads the exact shape {@link #write} produces: the fields of {@link StructureTree} with their
   * JSON types. Returns null (or throws) on anything else, never guesses.
   */
  private static final class TrustedBinder {

    private TrustedBinder() {}

    static SessionStructure structure(JsonParser p) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      String name = null;
      Unit unit = null;
      String notes = null;
      Double bodyweight = null;
      List<Exercise> exercises = null;
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        switch (field) {
          case "name" -> name = text(p, value);
          case "unit" -> unit = Unit.fromCode(text(p, value)).orElseThrow();
          case "notes" -> notes = text(p, value);
          case "bodyweight" -> bodyweight = number(p, value);
          case "exercises" -> exercises = exercises(p, value);
          default -> throw new IllegalArgumentException(field);
        }
      }
      if (p.currentToken() != JsonToken.END_OBJECT || unit == null || exercises == null) {
        return null;
      }
      return new SessionStructure(name, unit, notes, bodyweight, exercises);
    }

    private static List<Exercise> exercises(JsonParser p, JsonToken value) {
      require(value == JsonToken.START_ARRAY);
      List<Exercise> exercises = new ArrayList<>();
      while (p.nextToken() == JsonToken.START_OBJECT) {
        String name = null;
        String notes = null;
        Integer rest = null;
        String superset = null;
        List<SetEntry> sets = null;
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
          String field = p.currentName();
          JsonToken token = p.nextToken();
          switch (field) {
            case "name" -> name = text(p, token);
            case "notes" -> notes = text(p, token);
            case "rest_seconds" -> rest = integer(p, token);
            case "superset" -> superset = text(p, token);
            case "sets" -> sets = sets(p, token);
            default -> throw new IllegalArgumentException(field);
          }
        }
        require(name != null && sets != null);
        exercises.add(new Exercise(name, notes, rest, superset, sets));
      }
      require(p.currentToken() == JsonToken.END_ARRAY);
      return exercises;
    }

    private static List<SetEntry> sets(JsonParser p, JsonToken value) {
      require(value == JsonToken.START_ARRAY);
      List<SetEntry> sets = new ArrayList<>();
      while (p.nextToken() == JsonToken.START_OBJECT) {
        SetType type = null;
        Integer targetReps = null;
        Double targetWeight = null;
        Double targetRpe = null;
        Integer reps = null;
        Double weight = null;
        Double rpe = null;
        Integer duration = null;
        Double distance = null;
        Boolean completed = null;
        Instant completedAt = null;
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
          String field = p.currentName();
          JsonToken token = p.nextToken();
          switch (field) {
            case "type" -> type = SetType.fromCode(text(p, token)).orElseThrow();
            case "target_reps" -> targetReps = integer(p, token);
            case "target_weight" -> targetWeight = number(p, token);
            case "target_rpe" -> targetRpe = number(p, token);
            case "reps" -> reps = integer(p, token);
            case "weight" -> weight = number(p, token);
            case "rpe" -> rpe = number(p, token);
            case "duration_seconds" -> duration = integer(p, token);
            case "distance_m" -> distance = number(p, token);
            case "completed" -> {
              require(token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE);
              completed = token == JsonToken.VALUE_TRUE;
            }
            case "completed_at" -> completedAt = Timestamps.truncate(Instant.parse(text(p, token)));
            default -> throw new IllegalArgumentException(field);
          }
        }
        require(type != null && completed != null);
        sets.add(new SetEntry(type, targetReps, targetWeight, targetRpe, reps, weight, rpe, duration, distance,
            completed, completedAt));
      }
      require(p.currentToken() == JsonToken.END_ARRAY);
      return sets;
    }

    private static String text(JsonParser p, JsonToken token) {
      require(token == JsonToken.VALUE_STRING);
      return p.getString();
    }

    private static Integer integer(JsonParser p, JsonToken token) {
      require(token == JsonToken.VALUE_NUMBER_INT);
      return p.getIntValue();
    }

    private static Double number(JsonParser p, JsonToken token) {
      require(token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_NUMBER_INT);
      double value = p.getDoubleValue();
      require(Double.isFinite(value));
      return value;
    }

    private static void require(boolean condition) {
      if (!condition) {
        throw new IllegalArgumentException("not the shape Setwise writes");
      }
    }
  }
}
