package io.voltmsg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltmsg.accounts.Role;
import io.voltmsg.accounts.SignIn;
import io.voltmsg.accounts.UserService;
import io.voltmsg.audit.AuditEntry;
import io.voltmsg.audit.AuditLog;
import io.voltmsg.testing.CliProcess;
import io.voltmsg.testing.IntegrationTest;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code user create} and {@code user reset-password}, run as an operator runs them while the server is up. */
class UserCommandTest extends IntegrationTest {

    @TempDir
    Path dataDir;
    @Autowired
    UserService users;
    @Autowired
    AuditLog audit;

    @Test
    void createsAUserWithAOneTimePasswordAndResetsIt() throws Exception {
        TestOrganization org = newOrganization();
        String email = "cli+" + org.id().toLowerCase(Locale.ROOT) + "@example.com";
        CliProcess.Result created = CliProcess.run(dataDir, "user", "create", "--org", org.id(), "--role", "developer", email);
        assertThat(created.exitCode()).as(created.err()).isZero();
        String password = created.out().strip();
        assertThat(password).matches("([a-zA-Z2-9]{5}-){3}[a-zA-Z2-9]{5}");
        assertThat(created.err()).contains(email).contains("developer").contains("one-time");
        SignIn first = users.signIn(email, password, "cli-test");
        assertThat(first).isInstanceOf(SignIn.Succeeded.class);
        assertThat(((SignIn.Succeeded) first).user().mustChangePassword()).isTrue();
        assertThat(((SignIn.Succeeded) first).user().role()).isEqualTo(Role.DEVELOPER);

        CliProcess.Result reset = CliProcess.run(dataDir, "user", "reset-password", email.toUpperCase(Locale.ROOT));
        assertThat(reset.exitCode()).as(reset.err()).isZero();
        assertThat(reset.out().strip()).isNotEqualTo(password);
        assertThat(users.signIn(email, password, "cli-test")).isInstanceOf(SignIn.Refused.class);
        assertThat(users.signIn(email, reset.out().strip(), "cli-test")).isInstanceOf(SignIn.Succeeded.class);
        assertThat(audit.list(org.id(), "user.", null, 10).entries())
                .filteredOn(e -> e.action().equals("user.added") || e.action().equals("user.password_reset"))
                .extracting(AuditEntry::actorType).containsOnly("cli");
    }

    @Test
    void badArgumentsGetAClearErrorAndCreateNothing() throws Exception {
        TestOrganization org = newOrganization();
        String email = "bad+" + org.id().toLowerCase(Locale.ROOT) + "@example.com";
        assertFails(CliProcess.run(dataDir, "user", "create", "--org", org.id(), "--role", "root", email), "role must be one of");
        assertFails(CliProcess.run(dataDir, "user", "create", "--org", org.id(), "--role", "admin", "not-an-address"), "e-mail");
        assertFails(CliProcess.run(dataDir, "user", "create", "--org", "org_missing", "--role", "admin", email),
                "no such organization");
        assertFails(CliProcess.run(dataDir, "user", "reset-password", "nobody@example.com"), "no user");
        assertThat(users.list(org.id())).isEmpty();
    }

    private static void assertFails(CliProcess.Result result, String message) {
        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(1);
        assertThat(result.err()).contains(message);
        assertThat(result.out()).isEmpty();
    }
}
