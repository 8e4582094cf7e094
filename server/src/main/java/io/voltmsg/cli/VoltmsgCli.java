package io.voltmsg.cli;

import io.voltmsg.accounts.AccountService;
import io.voltmsg.accounts.IssuedToken;
import io.voltmsg.accounts.Organization;
import io.voltmsg.accounts.Scope;
import io.voltmsg.carrier.sim.SmscCommand;
import io.voltmsg.signing.RsaRotation;
import io.voltmsg.signing.SigningService;
import java.io.PrintWriter;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code java -jar voltmsg.jar <command>}: administration that works with or without a running server. */
@Command(name = "voltmsg", mixinStandardHelpOptions = true,
        description = "voltmsg administration. Without a command, java -jar voltmsg.jar runs the server.",
        subcommands = {VoltmsgCli.Org.class, VoltmsgCli.Number.class, VoltmsgCli.Token.class, VoltmsgCli.Signing.class,
                SmscCommand.class, InboundCommand.class, UserCommand.class})
public class VoltmsgCli {

    private static final Set<String> COMMANDS = Set.of("org", "number", "token", "signing", "smsc", "inbound", "user",
            "help", "--help", "-h");

    /** True when the arguments name a CLI command rather than server options. */
    public static boolean handles(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
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
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("error: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return 1;
        });
        return commandLine.execute(args);
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
            return work.apply(context);
        }
    }

    @Command(name = "org", description = "Organizations.", subcommands = {Org.Create.class, Org.List.class})
    static class Org {

        @Command(name = "create", description = "Creates an organization and prints its id.")
        static class Create implements Callable<Integer> {
            @Parameters(paramLabel = "NAME", description = "The organization's name.")
            String name;
            @CommandLine.Spec
            CommandLine.Model.CommandSpec spec;

            @Override
            public Integer call() {
                Organization org = withServices(ctx -> ctx.getBean(AccountService.class).createOrganization(name));
                spec.commandLine().getOut().println(org.id());
                return 0;
            }
        }

        @Command(name = "list", description = "Lists organizations with their numbers.")
        static class List implements Callable<Integer> {
            @CommandLine.Spec
            CommandLine.Model.CommandSpec spec;

            @Override
            public Integer call() {
                withServices(ctx -> {
                    AccountService accounts = ctx.getBean(AccountService.class);
                    for (Organization org : accounts.organizations()) {
                        spec.commandLine().getOut().println(org.id() + "\t" + org.name() + "\t"
                                + String.join(",", accounts.phoneNumbers(org.id())));
                    }
                    return null;
                });
                return 0;
            }
        }
    }

    @Command(name = "number", description = "Phone numbers.", subcommands = Number.Add.class)
    static class Number {

        @Command(name = "add", description = "Gives an organization an E.164 phone number.")
        static class Add implements Callable<Integer> {
            @Option(names = "--org", required = true, description = "Organization id.")
            String organizationId;
            @Parameters(paramLabel = "NUMBER", description = "E.164 number, like +15550100002.")
            String number;

            @Override
            public Integer call() {
                withServices(ctx -> {
                    ctx.getBean(AccountService.class).addPhoneNumber(organizationId, number);
                    return null;
                });
                return 0;
            }
        }
    }

    @Command(name = "token", description = "API tokens.", subcommands = {Token.Create.class, Token.Revoke.class})
    static class Token {

        @Command(name = "create", description = "Creates an API token and prints it once: store it now.")
        static class Create implements Callable<Integer> {
            @Option(names = "--org", required = true, description = "Organization id.")
            String organizationId;
            @Option(names = "--scopes", required = true,
                    description = "Comma-separated scopes (read:messages,write:messages,read:contacts,write:contacts,"
                            + "read:webhooks,write:webhooks) or 'all'.")
            String scopes;
            @CommandLine.Spec
            CommandLine.Model.CommandSpec spec;

            @Override
            public Integer call() {
                Set<Scope> parsed = Scope.parseList(scopes);
                IssuedToken token = withServices(ctx -> ctx.getBean(AccountService.class).issueToken(organizationId, parsed));
                spec.commandLine().getOut().println(token.token());
                spec.commandLine().getErr().println("token id " + token.id() + " (use it to revoke); scopes "
                        + Scope.join(token.scopes()));
                return 0;
            }
        }

        @Command(name = "revoke", description = "Revokes a token by its id (tok_...).")
        static class Revoke implements Callable<Integer> {
            @Parameters(paramLabel = "TOKEN_ID")
            String tokenId;
            @CommandLine.Spec
            CommandLine.Model.CommandSpec spec;

            @Override
            public Integer call() {
                boolean revoked = withServices(ctx -> ctx.getBean(AccountService.class).revokeToken(tokenId));
                if (!revoked) {
                    spec.commandLine().getErr().println("error: no active token with id " + tokenId);
                    return 1;
                }
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
