package dev.setwise.cli;

import dev.setwise.AppContext;
import dev.setwise.domain.ApiToken;
import dev.setwise.domain.NotFoundException;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Timestamps;
import dev.setwise.service.TokenService;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code setwise token create|list|revoke}: bearer tokens for the REST API. */
@Command(name = "token", description = "Manage API tokens for 'setwise serve'.", mixinStandardHelpOptions = true)
final class TokenCommand extends GroupCommand {

  /** Its subcommands (added by Cli, only those the arguments need: see CommandGroup). */
  private static final Map<String, Class<?>> SUBCOMMANDS = CommandGroup.inOrder(
      Map.entry("create", Create.class),
      Map.entry("list", ListTokens.class),
      Map.entry("revoke", Revoke.class));

  @Override
  public Map<String, Class<?>> subcommands() {
    return SUBCOMMANDS;
  }

  private static Profile profileNamed(AppContext context, String name) {
    return context.profiles().findByName(name)
        .orElseThrow(() -> new NotFoundException("No profile named \"" + name.strip() + "\""));
  }

  /** {@code setwise token create --profile NAME [--label TEXT]}: prints the token, and only the token. */
  @Command(name = "create", mixinStandardHelpOptions = true,
      description = {"Create an API token for a profile and print it.",
          "The token is shown only this once (only a hash of it is kept): store it now."})
  static final class Create implements Callable<Integer> {

    @ParentCommand
    TokenCommand parent;

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption database;

    @Option(names = "--profile", required = true, paramLabel = "NAME", description = "The profile the token acts as.")
    String profile;

    @Option(names = "--label", paramLabel = "TEXT",
        description = "What the token is for, e.g. the computer that uses it (1 to 100 characters).")
    String label;

    @Override
    public Integer call() {
      try (AppContext context = database.openForAdministration(parent.root)) {
        Profile owner = profileNamed(context, profile);
        TokenService.Issued issued = context.tokens().create(owner.id(), label);
        PrintWriter out = spec.commandLine().getOut();
        out.println(issued.text());
        if (out.checkError()) {
          revokeUnseen(context, issued, out);
        }
      }
      return 0;
    }
  }

  /**
   * A token whose text could not be written was seen by nobody and cannot be shown again: it must
   * not stay active, unknown, in the database.
   */
  private static void revokeUnseen(AppContext context, TokenService.Issued issued, PrintWriter out) {
    String id = issued.token().id();
    String why = Cli.outputFailed(out);
    try {
      context.tokens().revoke(id);
    } catch (RuntimeException e) {
      throw new OutputException(why + ": token " + id + " was created but not shown; revoke it with "
          + "'setwise token revoke " + id + "'", e);
    }
    throw new OutputException(why + ": the new token was not shown, so it was revoked at once (" + id
        + "); create another");
  }

  /** {@code setwise token list [--profile NAME]}: id, profile, created, status, label; tab-separated. */
  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "List API tokens: id, profile, created, status (active or revoked) and label, tab-separated.")
  static final class ListTokens implements Callable<Integer> {

    @ParentCommand
    TokenCommand parent;

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption database;

    @Option(names = "--profile", paramLabel = "NAME", description = "Only this profile's tokens.")
    String profile;

    @Override
    public Integer call() {
      try (AppContext context = database.openForAdministration(parent.root)) {
        UUID ownerId = profile == null ? null : profileNamed(context, profile).id();
        Map<UUID, String> names = context.profiles().list().stream()
            .collect(Collectors.toMap(Profile::id, Profile::name, (a, b) -> a));
        List<ApiToken> tokens = context.tokens().list(ownerId);
        PrintWriter out = spec.commandLine().getOut();
        Function<ApiToken, String> status = token -> token.revoked()
            ? "revoked " + Timestamps.format(token.revokedAt()) : "active";
        for (ApiToken token : tokens) {
          out.println(token.id() + "\t" + names.getOrDefault(token.profileId(), "?") + "\t"
              + Timestamps.format(token.createdAt()) + "\t" + status.apply(token) + "\t"
              + (token.label() == null ? "" : token.label()));
        }
        out.flush();
      }
      return 0;
    }
  }

  /** {@code setwise token revoke ID}: the token stops working at once, also for a running server. */
  @Command(name = "revoke", mixinStandardHelpOptions = true,
      description = "Revoke an API token (by the id 'setwise token list' shows); it stops working at once.")
  static final class Revoke implements Callable<Integer> {

    @ParentCommand
    TokenCommand parent;

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption database;

    @Parameters(paramLabel = "ID", description = "The token's id (12 hex digits), or the whole token.")
    String id;

    @Override
    public Integer call() {
      try (AppContext context = database.openForAdministration(parent.root)) {
        ApiToken token = context.tokens().revoke(idOf(id));
        spec.commandLine().getOut().println("Revoked token " + token.id());
        spec.commandLine().getOut().flush();
      }
      return 0;
    }

    /** Accepts the id or the whole token text ({@code swt_<id>_<secret>}), so a leaked token can be pasted. */
    private static String idOf(String text) {
      String value = text.strip();
      if (value.startsWith("swt_") && value.length() > 16 && value.charAt(16) == '_') {
        return value.substring(4, 16);
      }
      return value;
    }
  }
}
