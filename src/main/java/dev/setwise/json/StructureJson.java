package dev.setwise.json;

import dev.setwise.domain.Problem;
import dev.setwise.domain.Problems;
import dev.setwise.domain.SessionStructure;
import dev.setwise.domain.StructureTree;
import dev.setwise.domain.StructureValidator;
import dev.setwise.domain.ValidationException;

/**
 * A SessionStructure as JSON text, the way the store keeps snapshots. Reading validates with the
 * same rules as any input; stored text that breaks them is a corrupt database, not user error, so
 * it is an {@link IllegalStateException} (a server error at the REST edge), never a
 * {@link ValidationException} (which would tell a client that its request was wrong).
 */
public final class StructureJson {

  private final JsonCodec codec;

  public StructureJson() {
    this.codec = new JsonCodec(JsonLimits.STORED);
  }

  public String write(SessionStructure structure) {
    return codec.writeString(StructureTree.toTree(structure));
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
      tree = codec.readText(json, "Stored structure is corrupt");
    } catch (ValidationException e) {
      e.problems().forEach(p -> problems.add(p.path(), p.message()));
      return null;
    }
    return plan ? StructureValidator.readPlan(tree, "$", problems) : StructureValidator.read(tree, "$", problems);
  }
}
