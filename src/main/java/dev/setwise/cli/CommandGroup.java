package dev.setwise.cli;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A command with subcommands ({@code profile add|list|delete}, {@code sync setup|…}). Picocli reads
 * a command's annotations, and its subcommands', when it is added: so {@link Cli} adds only the
 * subcommand the arguments name, and every one for help, a mistyped name or anything else it
 * cannot tell (docs/decisions/0045 for the commands, 0059 for their subcommands). The table here
 * is then the one list of a group's subcommands; its {@code @Command} names none.
 */
interface CommandGroup {

  /** The subcommands by name, in the order the group's help lists them. */
  Map<String, Class<?>> subcommands();

  /**
   * The subcommands that {@code next}, the argument right after the group's name (null when there
   * is none), needs: the one it names, else all. Picocli takes an argument that names a subcommand
   * as that subcommand before anything else, so the one named parses as it does in the whole tree.
   */
  default Collection<Class<?>> subcommandsFor(String next) {
    Class<?> named = next == null ? null : subcommands().get(next);
    return named != null ? List.of(named) : subcommands().values();
  }

  /** A table for {@link #subcommands()}, in the order given. */
  @SafeVarargs
  static Map<String, Class<?>> inOrder(Map.Entry<String, ? extends Class<?>>... entries) {
    Map<String, Class<?>> table = new LinkedHashMap<>();
    for (Map.Entry<String, ? extends Class<?>> entry : entries) {
      table.put(entry.getKey(), entry.getValue());
    }
    return java.util.Collections.unmodifiableMap(table);
  }
}
