package io.voltmsg.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltmsg.testing.DatabaseAvailable;
import io.voltmsg.testing.PortalSession;
import io.voltmsg.testing.Servers;
import io.voltmsg.testing.TestDatabase;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The first portal user: created once when no user exists, its password printed once, in the right organization. */
@Tag("database")
@ExtendWith({DatabaseAvailable.class, OutputCaptureExtension.class})
class BootstrapAdminTest {

    @Test
    void theFirstStartCreatesAnAdminWhoseOneTimePasswordIsPrintedOnce(@TempDir Path dataDir, CapturedOutput output) {
        Map<String, Object> properties = Servers.properties(TestDatabase.fresh(), dataDir);
        String password;
        String organization;
        try (ConfigurableApplicationContext server = Servers.start(properties)) {
            assertThat(output.getOut()).contains("voltmsg portal: created the first user").contains("admin@localhost");
            password = output.getOut().replaceAll("(?s).*password\\s+:\\s+(\\S+)\\s+\\(one-time.*", "$1");
            PortalSession session = new PortalSession(Servers.port(server));
            assertThat(session.signIn("admin@localhost", password)).endsWith("/account/password");
            AccountService accounts = server.getBean(AccountService.class);
            organization = accounts.organizationOfNumber("+15550100001").orElseThrow();
            User admin = server.getBean(UserService.class).list(organization).get(0);
            assertThat(admin.role()).isEqualTo(Role.ADMIN);
            // A database made before users existed: organizations, no user.
            server.getBean(JdbcClient.class).sql("delete from users").update();
        }
        properties.put("voltmsg.bootstrap.admin-email", "Ops@Example.com");
        properties.put("voltmsg.bootstrap.admin-password", "configured-admin-password");
        int printed = count(output.getOut(), "created the first user");
        try (ConfigurableApplicationContext server = Servers.start(properties)) {
            assertThat(count(output.getOut(), "created the first user")).isEqualTo(printed + 1);
            assertThat(output.getOut()).doesNotContain("configured-admin-password");
            assertThat(server.getBean(UserService.class).list(organization)).singleElement()
                    .satisfies(u -> assertThat(u.email()).isEqualTo("ops@example.com"));
            assertThat(new PortalSession(Servers.port(server)).signIn("ops@example.com", "configured-admin-password"))
                    .endsWith("/settings/webhooks");
        }
        try (ConfigurableApplicationContext again = Servers.start(properties)) {
            assertThat(count(output.getOut(), "created the first user")).isEqualTo(printed + 1);
        }
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            count++;
        }
        return count;
    }
}
