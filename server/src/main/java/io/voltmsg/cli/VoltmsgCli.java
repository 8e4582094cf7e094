package io.voltmsg.cli;

import io.voltmsg.accounts.AccountService;
import io.voltmsg.accounts.IssuedToken;
import io.voltmsg.accounts.Organization;
import io.voltmsg.accounts.Scope;
import io.voltmsg.accounts.TokenInfo;
import io.voltmsg.audit.Actor;
import io.voltmsg.audit.Actors;
import io.voltmsg.carrier.sim.SmscCommand;
import io.voltmsg.shared.ApiException;
import io.voltmsg.shared.Times;
import io.voltmsg.signing.RsaRotation;
import io.voltmsg.signing.SigningService;
import io.voltmsg.webhooks.Webhook;
import io.voltmsg.webhooks.WebhookService;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code java -jar voltmsg.jar <command>}: administration that works with or without a running server.
 *
 * <p>Exit codes: 0 done; 1 refused or failed (bad input, no such id, a rule forbids it); 2 usage error (unknown
 * command or option, missing argument; usage on stderr); 3 something needed is not there (no database in the data
 * directory, database or server unreachable). Standard output carries only results (ids, tokens, lists); what a
 * command did and every error go to standard error.
 */
@Command(name = "voltmsg", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT,
        versionProvider = VoltmsgCli.Version.class,
        description = "voltmsg administration. Without a command (or with `serve`), java -jar voltmsg.jar runs the server.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:refused or failed (bad input, no such id, a rule forbids it)",
                "2:usage error (unknown command or option, missing argument)",
                "3:not there: no database in the data directory, database or server unreachable"},
        subcommands = {VoltmsgCli.Serve.class, VoltmsgCli.Org.class, VoltmsgCli.Number.class, VoltmsgCli.Token.class,
                VoltmsgCli.Signing.class, SmscCommand.class, InboundCommand.class, UserCommand.class,
                CommandLine.HelpCommand.class})
public class VoltmsgCli {

    /**
     * True when the arguments start the server: none, {@code serve}, or only Spring properties
     * ({@code --server.port=8081}, optionally after {@code serve}). Anything else is a command, or a usage error
     * that never starts anything.
     */
    public static boolean startsServer(String[] args) {
        List<String> rest = serverArguments(args);
        return rest != null;
    }

    /** True when the arguments are for the CLI rather than the server. */
    public static boolean handles(String[] args) {
        return !startsServer(args);
    }

    /** The arguments the server gets ({@code serve} removed), or null when they are not the server's. */
    public static List<String> serverArguments(String[] args) {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        if (!rest.isEmpty() && rest.get(0).equals("serve")) {
            rest.remove(0);
        }
        return rest.stream().allMatch(VoltmsgCli::isPropertyArgument) ? rest : null;
    }

    /** {@code --name.with.dots=value} (or {@code --name-with-dashes.x=value}): a property, as Spring reads it. */
    static boolean isPropertyArgument(String arg) {
        return arg.matches("--[A-Za-z][A-Za-z0-9_-]*(\\.[A-Za-z0-9_\\[\\]-]+)+=.*");
    }

    /** Set when the CLI owns the process (run from {@code main}): only then may it silence logging globally. */
    private static volatile boolean ownsProcess;

    public static int run(String[] args) {
        ownsProcess = true;
        return run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new VoltmsgCli());
        commandLine.setOut(out);
        commandLine.setErr(err);
        // Usage errors: the message, any "did you mean", and the usage, all on stderr; nothing runs.
        commandLine.setParameterExceptionHandler((e, arguments) -> {
            CommandLine cmd = e.getCommandLine();
            cmd.getErr().println("error: " + e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, cmd.getErr());
            cmd.usage(cmd.getErr());
            return cmd.getCommandSpec().exitCodeOnInvalidInput();
        });
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            Failure failure = Failure.of(e);
            cmd.getErr().println("error: " + failure.message());
            return failure.exitCode();
        });
        return commandLine.execute(args);
    }

    /** What an exception means to the operator: a one-line message and the exit code. */
    record Failure(int exitCode, String message) {

        static Failure of(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof CliFailure cli) {
                    return new Failure(cli.exitCode(), cli.getMessage());
                }
            }
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SQLException || t instanceof org.springframework.dao.DataAccessResourceFailureException
                        || t instanceof org.springframework.jdbc.CannotGetJdbcConnectionException) {
                    return new Failure(CliFailure.UNREACHABLE, "cannot open the database: " + rootMessage(t)
                            + " — is it running, and is spring.datasource.url (SPRING_DATASOURCE_URL) right?");
                }
            }
            if (e instanceof IllegalArgumentException || e instanceof ApiException) {
                return new Failure(CliFailure.REFUSED, e.getMessage());
            }
            return new Failure(CliFailure.REFUSED, rootMessage(e));
        }

        private static String rootMessage(Throwable e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        }
    }

    /** The version the build wrote into the jar (META-INF/build-info.properties). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"voltmsg " + version()};
        }

        static String version() {
            try (InputStream in = VoltmsgCli.class.getResourceAsStream("/META-INF/build-info.properties")) {
                if (in != null) {
                    Properties build = new Properties();
                    build.load(in);
                    return build.getProperty("build.version", "unknown");
                }
            } catch (IOException e) {
                // fall through to the manifest
            }
            String fromManifest = VoltmsgCli.class.getPackage().getImplementationVersion();
            return fromManifest == null ? "unknown" : fromManifest;
        }
    }

    /** Runs {@code work} against the services in a short-lived context. */
    static <T> T withServices(Function<ConfigurableApplicationContext, T> work) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CliContext.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                // stdout carries only what a command prints (a token, an id); failures reach stderr as exceptions.
                // Lazy: a command builds only the services it uses (account commands never touch key material).
                .properties("logging.level.root=" + (ownsProcess ? "OFF" : "WARN"), "spring.main.lazy-initialization=true")
                .run()) {
            return Actors.runAs(Actor.commandLine(), () -> work.apply(context));
        }
    }

    private static AccountService accounts(ConfigurableApplicationContext context) {
        return context.getBean(AccountService.class);
    }

    @Command(name = "serve", description = "Runs the server (the same as no command). Only --<property>=<value> "
            + "arguments may follow, like --server.port=8081.")
    static class Serve implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            // Reached only when the arguments were not the server's (they would have started it).
            throw new CommandLine.ParameterException(spec.commandLine(), "serve takes only --<property>=<value> arguments");
        }
    }

    @Command(name = "org", description = "Organizations.",
            subcommands = {Org.Create.class, Org.List.class, Org.Rename.class, Org.Delete.class})
    static class Org {

        @Command(name = "create", description = "Creates an organization and prints its id. Names are unique (ignoring case).")
        static class Create implements Callable<Integer> {
            @Parameters(paramLabel = "NAME", description = "The organization's name.")
            String name;
            @CommandLine.Spec
            CommandLine.Model.CommandSpec spec;

            @Override
            public Integer call() {
                Organization org = withServices(ctx -> accounts(ctx).createOrganization(name));
                spec.commandLine().getOut().println(org.id());
                spec.commandLine().getErr().println("created organization " + org.id() + " \"" + org.name() + "\"");
                return 0;
            }
        }

        @Command(name = "list", description = "Lists organizations: id, name, numbers (tab-separated).")
        static class List implements Callable<Integer> {
            @CommandLine.Spec
            CommandLine.Model.CommandSpec spec;

            @Override
            public Integer call() {
                int count = withServices(ctx -> {
                    AccountService accounts = accounts(ctx);
                    java.util.List<Organization> organizations = accounts.organizations();
                    for (Organization org : organizations) {
                        spec.commandLine().getOut().println(org.id() + "\t" + org.name() + "\t"
                                + String.join(",", accounts.phoneNumbers(org.id())));
                    }
                    return organizations.size();
                });
                spec.commandLine().getErr().println(count + (count == 1 ? " organization" : " organizations"));
                return 0;
            }
        }

        @Command(name = "rename", description = "Renames an organization.")
        static class Rename implements Callable<Integer> {
            @Parameters(index = "0", paramLabel = "ORG_ID", description = "Organization id (org_...).")
            String organizationId;
            @Parameters(index = "1", paramLabel = "NAME", description = "The new name.")
            String name;
            @CommandLine.Spec
            CommandLine.Model.CommandSpec spec;

            @Override
            public Integer call() {
                Organization org = withServices(ctx -> accounts(ctx).renameOrganization(organizationId, name));
                spec.commandLine().getErr().println("renamed organization " + org.id() + " to \"" + org.name() + "\"");
                return 0;
            }
        }

        @Command(name = "delete", description = {"Deletes an organization: revokes its tokens and removes its portal "
                + "users; its message history stays until retention purges it.",
                "Refused while it still has numbers or webhooks, unless --force, which removes them too."})
        static class Delete implements Callable<Integer> {
            @Parameters(paramLabel = "ORG_ID", description = "Organization id (org_...).")
            String organizationId;
            @Option(names = "--force", description = "Also remove its numbers and webhooks (their pending deliveries "
                    + "are cancelled).")
            boolean force;
            @CommandLine.Spec
            CommandLine.Model.CommandSpec spec;

            @Override
            public Integer call() {
                PrintWriter err = spec.commandLine().getErr();
                withServices(ctx -> ctx.getBean(TransactionTemplate.class).execute(tx -> {
                    AccountService accounts = accounts(ctx);
                    WebhookService webhooks = ctx.getBean(WebhookService.class);
                    if (accounts.findOrganization(organizationId).isEmpty()) {
                        throw new CliFailure(CliFailure.REFUSED, "no organization with id " + organizationId);
                    }
                    java.util.List<String> numbers = accounts.phoneNumbers(organizationId);
                    java.util.List<Webhook> hooks = webhooks.list(organizationId);
                    if (!force && (!numbers.isEmpty() || !hooks.isEmpty())) {
                        throw new CliFailure(CliFailure.REFUSED, "organization " + organizationId + " still has "
                                + numbers.size() + " number(s) " + numbers + " and " + hooks.size()
                                + " webhook(s); remove them first (number remove, deleteWebhook) or pass --force");
                    }
                    java.util.List<String> removed = new ArrayList<>();
                    for (Webhook hook : hooks) {
                        webhooks.delete(organizationId, hook.id());
                        removed.add("removed webhook " + hook.id() + " " + hook.url());
                    }
                    for (String number : numbers) {
                        accounts.removePhoneNumber(number);
                        removed.add("removed number " + number);
                    }
                    AccountService.DeletedOrganization deleted = accounts.deleteOrganization(organizationId);
                    removed.forEach(err::println);
                    err.println("deleted organization " + organizationId + " \"" + deleted.organization().name()
                            + "\": " + deleted.revokedTokens() + " token(s) revoked, " + deleted.removedUsers()
                            + " portal user(s) removed");
                    return null;
                }));
                return 0;
            }
        }
    }

    @Command(name = "number", description = "Phone numbers.", subcommands = {Number.Add.class, Number.Remove.class})
    static class Number {

        @Command(name = "add", description = "Gives an organization an E.164 phone number.")
        static class Add implements Callable<Integer> {
            @Option(names = "--org", required = true, description = "Organization id.")
            String organizationId;
            @Parameters(paramLabel = "NUMBER", description = "E.164 number, like +15550100002.")
            String number;
            @CommandLine.Spec
            CommandLine.Model.CommandSpec spec;

            @Override
            public Integer call() {
                withServices(ctx -> {
                    accounts(ctx).addPhoneNumber(organizationId, number);
                    return null;
                });
                spec.commandLine().getErr().println("added " + number + " to organization " + organizationId);
                return 0;
            }
        }

        @Command(name = "remove", description = "Takes a number away from the organization that has it: messages to "
                + "it are no longer received, and sending from it is refused.")
        static class Remove implements Callable<Integer> {
            @Parameters(paramLabel = "NUMBER", description = "E.164 number.")
            String number;
            @CommandLine.Spec
            CommandLine.Model.CommandSpec spec;

            @Override
            public Integer call() {
                String owner = withServices(ctx -> {
                    String organization = accounts(ctx).organizationOfNumber(number).orElse(null);
                    return organization != null && accounts(ctx).removePhoneNumber(number) ? organization : null;
                });
                if (owner == null) {
                    throw new CliFailure(CliFailure.REFUSED, "no organization has the number " + number);
                }
                spec.commandLine().getErr().println("removed " + number + " from organization " + owner);
                return 0;
            }
        }
    }

    @Command(name = "token", description = "API tokens.", subcommands = {Token.Create.class, Token.List.class,
            Token.Revoke.class})
    static class Token {

        @Command(name = "create", description = "Creates an API token and prints it once: store it now.")
        static class Create implements Callable<Integer> {
            @Option(names = "--org", required = true, description = "Organization id.")
            String organizationId;
            @Option(names = "--scopes", required = true,
                    description = "Comma-separated scopes (read:messages,write:messages,read:contacts,write:contacts,"
                            + "read:webhooks,write:webhooks,read:metrics) or 'all'.")
            String scopes;
            @Option(names = "--name", description = "What lists call it, like 'billing service'.")
            String name;
            @CommandLine.Spec
            CommandLine.Model.CommandSpec spec;

            @Override
            public Integer call() {
                Set<Scope> parsed = Scope.parseList(scopes);
                IssuedToken token = withServices(ctx -> accounts(ctx).issueToken(organizationId, name, parsed));
                spec.commandLine().getOut().println(token.token());
                spec.commandLine().getErr().println("created token id " + token.id() + " (use it to revoke) for "
                        + organizationId + "; scopes " + Scope.join(token.scopes()) + ". It is shown once: store it now.");
                return 0;
            }
        }

        @Command(name = "list", description = "Lists tokens, never their values: id, organization, name, scopes, "
                + "created, last used (to within a minute), and revoked with --revoked (tab-separated).")
        static class List implements Callable<Integer> {
            @Option(names = "--org", description = "Only this organization's tokens.")
            String organizationId;
            @Option(names = "--revoked", description = "Include revoked tokens.")
            boolean revoked;
            @CommandLine.Spec
            CommandLine.Model.CommandSpec spec;

            @Override
            public Integer call() {
                java.util.List<TokenInfo> tokens = withServices(ctx -> organizationId == null
                        ? accounts(ctx).allTokens() : accounts(ctx).tokens(organizationId));
                int shown = 0;
                for (TokenInfo token : tokens) {
                    if (token.active() || revoked) {
                        spec.commandLine().getOut().println(String.join("\t", token.id(), token.organizationId(),
                                token.name() == null ? "-" : token.name(), Scope.join(token.scopes()),
                                iso(token.createdAt()), token.lastUsedAt() == null ? "never" : iso(token.lastUsedAt()),
                                token.active() ? "active" : "revoked " + iso(token.revokedAt())));
                        shown++;
                    }
                }
                spec.commandLine().getErr().println(shown + (shown == 1 ? " token" : " tokens"));
                return 0;
            }

            private static String iso(Instant at) {
                return Times.iso(at);
            }
        }

        @Command(name = "revoke", description = "Revokes a token by its id (tok_..., see token list).")
        static class Revoke implements Callable<Integer> {
            @Parameters(paramLabel = "TOKEN_ID")
            String tokenId;
            @CommandLine.Spec
            CommandLine.Model.CommandSpec spec;

            @Override
            public Integer call() {
                boolean revoked = withServices(ctx -> accounts(ctx).revokeToken(tokenId));
                if (!revoked) {
                    throw new CliFailure(CliFailure.REFUSED, "no active token with id " + tokenId + " (see token list)");
                }
                spec.commandLine().getErr().println("revoked token " + tokenId);
                return 0;
            }
        }
    }

    @Command(name = "signing", description = "Platform signing keys.", subcommands = Signing.RotateRsa.class)
    static class Signing {

        @Command(name = "rotate-rsa", description = {
                "Creates the next RSA key. Until voltmsg.signing.rsa-overlap (24h) has passed, /id_rsa.pub and "
                        + "X-Respond-Flow-Signature keep the current key while /id_rsa.next.pub and "
                        + "X-Respond-Flow-Signature-Next carry the new one; then the new key is current on every instance."})
        static class RotateRsa implements Callable<Integer> {
            @CommandLine.Spec
            CommandLine.Model.CommandSpec spec;

            @Override
            public Integer call() {
                RsaRotation rotation = withServices(ctx -> ctx.getBean(SigningService.class).rotateRsa());
                spec.commandLine().getOut().println(rotation.keyId());
                spec.commandLine().getErr().println("RSA key generation " + rotation.generation()
                        + " is served at /id_rsa.next.pub now and becomes current at "
                        + io.voltmsg.shared.Times.iso(rotation.activatesAt()));
                return 0;
            }
        }
    }
}
