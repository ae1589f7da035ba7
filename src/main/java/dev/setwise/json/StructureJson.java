package dev.setwise.json;

import dev.setwise.domain.Problems;
import dev.setwise.domain.SessionStructure;
import dev.setwise.domain.StructureTree;
import dev.setwise.domain.StructureValidator;
import java.nio.charset.StandardCharsets;

/**
 * A SessionStructure as JSON text, the way the store keeps snapshots. Reading validates with the
 * same rules as any input; stored text that breaks them is a corrupt database, not user error.
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
   * @throws IllegalStateException when the text is not a valid structure (a corrupt row)
   */
  public SessionStructure read(String json) {
    Object tree = codec.read(json.getBytes(StandardCharsets.UTF_8), "Stored structure is corrupt");
    Problems problems = new Problems();
    SessionStructure structure = StructureValidator.read(tree, "$", problems);
    if (!problems.isEmpty()) {
      throw new IllegalStateException("Stored structure is corrupt: " + problems.list());
    }
    return structure;
  }
}
