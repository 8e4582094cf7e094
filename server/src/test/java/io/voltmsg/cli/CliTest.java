package io.voltmsg.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.voltmsg.testing.GraphQl;
import io.voltmsg.testing.IntegrationTest;
import io.voltmsg.testing.TestDatabase;
import io.voltmsg.testing.TestReceiver;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI as an operator runs it: a separate JVM (launched from the test class path, as
 * {@code java -jar voltmsg.jar} would run it) against the database the running server uses.
 * Once, in the H2 execution: there the CLI shares the server's file (AUTO_SERVER), the part that depends on the
 * database; what the commands run is the features' services, which the PostgreSQL execution covers through their
 * own tests, and 28 JVM starts took two minutes per execution.
 */
class CliTest extends IntegrationTest {

    @BeforeAll
    static void once() {
        assumeFalse(TestDatabase.isPostgres(), "the CLI test runs once, in the H2 execution");
    }

    record Result(int exitCode, String out, String err) {
    }

    @TempDir
    Path dataDir;

    @Test
    void createsAnOrganizationNumberAndScopedTokenWhileTheServerRuns() throws Exception {
        Result org = cli("org", "create", "Acme Corp");
        assertThat(org.exitCode()).as(org.err()).isZero();
        String orgId = org.out().strip();
        assertThat(orgId).startsWith("org_");

        String number = uniqueNumber();
        assertThat(cli("number", "add", "--org", orgId, number).exitCode()).isZero();
        assertThat(accounts.ownsNumber(orgId, number)).isTrue();

        Result token = cli("token", "create", "--org", orgId, "--scopes", "read:webhooks");
        assertThat(token.exitCode()).as(token.err()).isZero();
        String plain = token.out().strip();
        assertThat(plain).startsWith("vm_").hasSizeGreaterThanOrEqualTo(46);
        String tokenId = token.err().replaceAll("(?s).*token id (tok_\\S+).*", "$1");

        GraphQl api = withToken(plain);
        assertThat(api.execute("{ webhooks { id } }").hasErrors()).isFalse();
        assertThat(api.execute("mutation { registerWebhook(url: \"http://127.0.0.1:1/x\") { id } }").errorCode())
                .isEqualTo("FORBIDDEN");

        assertThat(cli("token", "revoke", tokenId).exitCode()).isZero();
        assertThat(api.execute("{ webhooks { id } }").status()).isEqualTo(401);
    }

    @Test
    void everyCommandSaysWhatItDidAndTokensCanBeListedByName() throws Exception {
        String name = "Acme " + uniqueNumber();
        Result org = cli("org", "create", name);
        assertThat(org.exitCode()).as(org.err()).isZero();
        String orgId = org.out().strip();
        assertThat(org.err()).contains("created organization " + orgId);
        assertFails(cli("org", "create", " " + name.toUpperCase() + " "), "already exists: " + orgId);

        String number = uniqueNumber();
        Result added = cli("number", "add", "--org", orgId, number);
        assertThat(added.err()).contains("added " + number + " to organization " + orgId);

        Result token = cli("token", "create", "--org", orgId, "--scopes", "read:messages,read:metrics", "--name", "billing");
        assertThat(token.exitCode()).as(token.err()).isZero();
        String tokenId = token.err().replaceAll("(?s).*token id (tok_\\S+).*", "$1");
        Result list = cli("token", "list", "--org", orgId);
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out().lines()).singleElement().satisfies(line -> {
            assertThat(line.split("\t")).containsExactly(tokenId, orgId, "billing", "read:messages,read:metrics",
                    line.split("\t")[4], "never", "active");
            assertThat(line).doesNotContain(token.out().strip());
        });
        assertThat(cli("token", "list").out()).contains(tokenId);

        Result renamed = cli("org", "rename", orgId, name + " Ltd");
        assertThat(renamed.err()).contains("renamed organization " + orgId + " to \"" + name + " Ltd\"");
        assertThat(cli("org", "list").out()).contains(orgId + "\t" + name + " Ltd\t" + number);

        Result revoked = cli("token", "revoke", tokenId);
        assertThat(revoked.exitCode()).isZero();
        assertThat(revoked.err()).contains("revoked token " + tokenId);
        assertFails(cli("token", "revoke", tokenId), "no active token");
        assertThat(cli("token", "list", "--org", orgId).out()).isEmpty();
        assertThat(cli("token", "list", "--org", orgId, "--revoked").out()).contains(tokenId + "\t", "revoked 20");

        Result removed = cli("number", "remove", number);
        assertThat(removed.err()).contains("removed " + number + " from organization " + orgId);
        assertThat(accounts.organizationOfNumber(number)).isEmpty();
        assertFails(cli("number", "remove", number), "no organization has the number");
    }

    @Test
    void anOrganizationWithNumbersOrWebhooksIsDeletedOnlyWithForce() throws Exception {
        TestOrganization org = newOrganization();
        String webhookId;
        try (TestReceiver receiver = new TestReceiver()) {
            webhookId = org.api().execute("mutation { registerWebhook(url: \"" + receiver.url("/hook") + "\") { id } }")
                    .data("registerWebhook").path("id").asString();
        }
        assertFails(cli("org", "delete", org.id()), "--force");
        assertThat(accounts.findOrganization(org.id())).isPresent();

        Result deleted = cli("org", "delete", "--force", org.id());
        assertThat(deleted.exitCode()).as(deleted.err()).isZero();
        assertThat(deleted.err()).contains("removed webhook " + webhookId, "removed number " + org.phoneNumber(),
                "deleted organization " + org.id(), "1 token(s) revoked");
        assertThat(accounts.findOrganization(org.id())).isEmpty();
        assertThat(accounts.organizationOfNumber(org.phoneNumber())).isEmpty();
        assertThat(org.api().execute("{ webhooks { id } }").status()).isEqualTo(401);
        assertThat(cli("org", "list").out()).doesNotContain(org.id());
        assertFails(cli("org", "delete", org.id()), "no organization");
    }

    @Test
    void badInputGetsAClearErrorAndChangesNothing() throws Exception {
        TestOrganization existing = newOrganization();
        assertFails(cli("number", "add", "--org", existing.id(), "15550100002"), "E.164");
        assertFails(cli("number", "add", "--org", existing.id(), existing.phoneNumber()), "already belongs");
        assertFails(cli("number", "add", "--org", "org_missing", uniqueNumber()), "no organization");
        assertFails(cli("token", "create", "--org", existing.id(), "--scopes", "read:everything"), "unknown scope");
        Result usage = cli("token", "create");
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.err()).contains("Missing required options");
        assertThat(accounts.phoneNumbers(existing.id())).containsExactly(existing.phoneNumber());
    }

    private static void assertFails(Result result, String message) {
        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(1);
        assertThat(result.err()).contains(message);
    }

    private Result cli(String... args) throws Exception {
        TestDatabase db = TestDatabase.shared();
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.voltmsg.VoltmsgApplication"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("SPRING_DATASOURCE_URL", db.url());
        builder.environment().put("SPRING_DATASOURCE_USERNAME", db.username());
        builder.environment().put("VOLTMSG_DATA_DIR", dataDir.toString());
        builder.environment().put("VOLTMSG_SIGNING_MASTER_KEY", TestDatabase.TEST_MASTER_KEY);
        File err = dataDir.resolve("err-" + System.nanoTime()).toFile();
        builder.redirectError(err);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), out, java.nio.file.Files.readString(err.toPath()));
    }
}
