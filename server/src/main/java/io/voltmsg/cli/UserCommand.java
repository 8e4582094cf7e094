package io.voltmsg.cli;

import io.voltmsg.accounts.IssuedPassword;
import io.voltmsg.accounts.Role;
import io.voltmsg.accounts.UserService;
import io.voltmsg.audit.Actor;
import io.voltmsg.audit.Actors;
import io.voltmsg.shared.ApiException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code user create} and {@code user reset-password}: portal users from the command line, recorded as its doing. */
@Command(name = "user", description = "Portal users.", subcommands = {UserCommand.Create.class, UserCommand.ResetPassword.class})
class UserCommand {

    @Command(name = "create", description = "Creates a portal user and prints a one-time password (changed at the first sign-in).")
    static class Create implements Callable<Integer> {
        @Option(names = "--org", required = true, description = "Organization id.")
        String organizationId;
        @Option(names = "--role", required = true, description = "admin, developer or viewer.")
        String role;
        @Parameters(paramLabel = "EMAIL", description = "The user's e-mail address (their sign-in name).")
        String email;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Role parsed = Role.parse(role);
            IssuedPassword issued = run(service -> service.add(organizationId, email, parsed));
            spec.commandLine().getOut().println(issued.password());
            spec.commandLine().getErr().println("user " + issued.user().id() + " " + issued.user().email() + " ("
                    + parsed.wire() + "): sign in with this one-time password, shown once, then choose a new one");
            return 0;
        }
    }

    @Command(name = "reset-password", description = "Gives a portal user a new one-time password and prints it.")
    static class ResetPassword implements Callable<Integer> {
        @Parameters(paramLabel = "EMAIL", description = "The user's e-mail address.")
        String email;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            IssuedPassword issued = run(service -> service.resetPassword(email));
            spec.commandLine().getOut().println(issued.password());
            spec.commandLine().getErr().println(issued.user().email()
                    + ": sign in with this one-time password, shown once, then choose a new one");
            return 0;
        }
    }

    private static IssuedPassword run(java.util.function.Function<UserService, IssuedPassword> work) {
        try {
            return VoltmsgCli.withServices(ctx -> Actors.runAs(Actor.commandLine(),
                    () -> work.apply(ctx.getBean(UserService.class))));
        } catch (ApiException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }
}
