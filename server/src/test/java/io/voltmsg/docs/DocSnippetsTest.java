package io.voltmsg.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.voltmsg.docs.MarkdownBlocks.Block;
import io.voltmsg.testing.GraphQl;
import io.voltmsg.testing.Node;
import io.voltmsg.testing.RepoFiles;
import io.voltmsg.testing.Servers;
import io.voltmsg.testing.TestDatabase;
import io.voltmsg.testing.TestReceiver;
import io.voltmsg.testing.VoltmsgJvm;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs every runnable block of the guides (docs/webhooks.md, docs/api.md, docs/operations.md) against
 * a real server on 127.0.0.1, in document order, so the documents cannot rot:
 * <ul>
 * <li>{@code sh}: bash {@code -euo pipefail}; must exit 0; a following {@code response} block is compared by JSON
 * shape with stdout, a following {@code output} block's lines must each appear in stdout;</li>
 * <li>{@code graphql}: POSTed to /graphql with the token and the following {@code variables} block; the following
 * {@code response} block is compared by shape;</li>
 * <li>{@code java} (single-file source launch on the test class path), {@code js} (node, with the npm peers of
 * testing/node), {@code python}: must exit 0, {@code output} as for sh;</li>
 * <li>{@code event TYPE} blocks: compared by shape with a real delivered body of that type;</li>
 * <li>{@code config TOOL} blocks: checked by the tool that reads them (systemd: equal to the unit file, which
 * SystemdUnitTest verifies; prometheus: YAML, promtool when installed, metric names present on the live server;
 * env/properties: names are documented properties); {@code config sql} is run by PostgresSetupDocTest in the
 * PostgreSQL execution (it needs a superuser);</li>
 * <li>{@code skip REASON}: not run.</li>
 * </ul>
 * Values the blocks read ($VOLTMSG_URL, $VOLTMSG_TOKEN, $WEBHOOK_URL, $WEBHOOK_ID, ...) come from the set-up below;
 * the documents say where a user gets each. {@code java -jar server/target/voltmsg.jar} runs the same main class on
 * the test class path (the jar is packaged after the tests).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocSnippetsTest {

    static final List<String> GUIDES = List.of("docs/webhooks.md", "docs/operations.md", "docs/api.md");
    static final String TOKEN = "docs-snippets-token-0123456789abcdef";
    static final Set<String> RUNNABLE = Set.of("sh", "graphql", "java", "js", "python");
    static final Set<String> MARKERS = Set.of("", "response", "variables", "output", "event", "config", "skip");
    static final Pattern VARIABLE = Pattern.compile("\\$([A-Z_][A-Z0-9_]*)");

    @TempDir
    static Path temp;

    ConfigurableApplicationContext server;
    TestReceiver receiver;
    GraphQl api;
    String baseUrl;
    final Map<String, String> env = new LinkedHashMap<>();
    final Map<String, List<byte[]>> bodiesByType = new LinkedHashMap<>();
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void startServerAndMakeTheValuesTheDocsNeed() throws Exception {
        TestDatabase database = TestDatabase.fresh();
        Map<String, Object> properties = Servers.properties(database, temp.resolve("data"));
        properties.put("voltmsg.bootstrap.token", TOKEN);
        // The CLI's RSA rotation (operations.md) reaches the running server at its next key refresh.
        properties.put("voltmsg.signing.key-refresh-interval", "1s");
        server = Servers.start(properties);
        int port = Servers.port(server);
        baseUrl = "http://127.0.0.1:" + port;
        api = new GraphQl(port, TOKEN);
        receiver = new TestReceiver();

        String webhookId = api.execute("mutation($url: String!) { registerWebhook(url: $url) { id } }",
                Map.of("url", receiver.url("/webhooks"))).data("registerWebhook").get("id").asString();
        String secret = api.execute("query($id: ID!) { webhookSecret(id: $id) }", Map.of("id", webhookId))
                .data("webhookSecret").asString();
        String create = "mutation($to: String!) { createMessage(to: $to, from: \"+15550100001\", body: \"Hello\") { id } }";
        String messageId = api.execute(create, Map.of("to", "+15550109999")).data("createMessage").get("id").asString();
        api.execute(create, Map.of("to", "+15005550001"));
        api.execute("mutation { simulateInboundMessage(from: \"+15550109999\", to: \"+15550100001\", body: \"Hi back\") { id } }");
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            collectBodies();
            return bodiesByType.keySet().containsAll(List.of("webhook.test", "message.sent", "message.delivered",
                    "message.failed", "message.finalized", "message.received"));
        });
        JsonNode delivery = api.execute("query($id: ID!) { webhookDeliveries(webhookId: $id, status: DELIVERED, first: 1) "
                + "{ edges { node { id eventId } } } }", Map.of("id", webhookId))
                .data("webhookDeliveries").get("edges").get(0).get("node");

        env.put("VOLTMSG_URL", baseUrl);
        env.put("VOLTMSG_TOKEN", TOKEN);
        env.put("WEBHOOK_URL", receiver.url("/webhooks"));
        env.put("WEBHOOK_ID", webhookId);
        env.put("WEBHOOK_SECRET", secret);
        env.put("EVENT_ID", delivery.get("eventId").asString());
        env.put("DELIVERY_ID", delivery.get("id").asString());
        env.put("MESSAGE_ID", messageId);
        env.put("ORGANIZATION_ID", GraphQl.JSON.readTree(bodiesByType.get("webhook.test").get(0)).get("organizationId").asString());
        env.put("VOLTMSG_DATA_DIR", temp.resolve("data").toString());
        env.put("SPRING_DATASOURCE_URL", database.url());
        env.put("SPRING_DATASOURCE_USERNAME", database.username());
        env.put("SPRING_DATASOURCE_PASSWORD", "");
        env.put("VOLTMSG_SIGNING_MASTER_KEY", TestDatabase.TEST_MASTER_KEY);
    }

    @AfterAll
    void stop() {
        if (receiver != null) {
            receiver.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private void collectBodies() {
        bodiesByType.clear();
        for (TestReceiver.Received r : receiver.received()) {
            String type = GraphQl.JSON.readTree(r.body()).get("type").asString();
            bodiesByType.computeIfAbsent(type, t -> new ArrayList<>()).add(r.body());
        }
    }

    @Test
    void everyBlockOfTheGuidesRunsAndAnswersAsShown() throws Exception {
        List<String> failures = new ArrayList<>();
        int ran = 0;
        for (String guide : GUIDES) {
            List<Block> blocks = MarkdownBlocks.parse(Files.readString(RepoFiles.root().resolve(guide)));
            for (int i = 0; i < blocks.size(); i++) {
                Block block = blocks.get(i);
                if (!MARKERS.contains(block.markerWord())) {
                    failures.add(guide + " " + block + ": unknown snippet marker");
                    continue;
                }
                boolean runnable = RUNNABLE.contains(block.language()) && block.marker().isBlank();
                boolean checked = block.markerWord().equals("event") || block.markerWord().equals("config");
                if (!runnable && !checked) {
                    continue;
                }
                Path workDir = Files.createDirectories(temp.resolve("run-" + guide.replaceAll("\\W", "-") + "-" + block.line()));
                saveRequest(workDir);
                long started = System.nanoTime();
                try {
                    run(block, i + 1 < blocks.size() ? blocks.get(i + 1) : null,
                            i + 2 < blocks.size() ? blocks.get(i + 2) : null, workDir);
                    ran++;
                } catch (SkippedBlock e) {
                    // printed where it was decided
                } catch (AssertionError | RuntimeException e) {
                    failures.add(guide + " " + block + ": " + e.getMessage());
                } finally {
                    System.out.printf("%s %s: %d ms%n", guide, block, (System.nanoTime() - started) / 1_000_000);
                }
            }
        }
        assertThat(failures).as("blocks of the guides that do not run as documented").isEmpty();
        assertThat(ran).as("blocks run").isGreaterThan(40);
    }

    @Test
    void theSchemaExplorerAndTheSdlArePublicAndCoverEveryType() throws Exception {
        HttpResponse<String> page = get("/schema");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        HttpResponse<String> sdl = get("/schema.graphqls");
        assertThat(sdl.statusCode()).isEqualTo(200);
        JsonNode types = api.execute("{ __schema { types { name } } }").data("__schema").get("types");
        for (JsonNode type : types) {
            String name = type.get("name").asString();
            if (!name.startsWith("__")) {
                assertThat(page.body()).as("explorer section of " + name).contains("id=\"" + name + "\"");
            }
        }
        assertThat(sdl.body()).contains("type Webhook {", "registerWebhook(url: String!): Webhook!");
        assertThat(page.body()).doesNotContain("<script", "http://", "https://");
        assertThat(get("/graphql").statusCode()).as("the API itself still needs a token").isEqualTo(401);
    }

    @Test
    void apiMdHasASectionForEveryOperationOfTheSchema() throws IOException {
        String doc = Files.readString(RepoFiles.root().resolve("docs/api.md"));
        List<String> headings = doc.lines().filter(l -> l.startsWith("### ")).toList();
        for (String root : List.of("queryType", "mutationType")) {
            JsonNode fields = api.execute("{ __schema { " + root + " { fields { name } } } }").data("__schema").get(root)
                    .get("fields");
            assertThat(fields).isNotEmpty();
            for (JsonNode field : fields) {
                String name = field.get("name").asString();
                assertThat(headings).as("a ### heading of docs/api.md naming " + name)
                        .anyMatch(h -> h.matches(".*\\b" + name + "\\b.*"));
            }
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Metrics need a token that may read them; the set-up's token has every scope. */
    private String metrics() throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/prometheus"))
                .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The last delivered request as the docs' verification examples expect it: body.json and headers.json. */
    private void saveRequest(Path dir) throws IOException {
        List<TestReceiver.Received> all = receiver.received();
        TestReceiver.Received last = all.get(all.size() - 1);
        Files.write(dir.resolve("body.json"), last.body());
        Files.writeString(dir.resolve("headers.json"), GraphQl.JSON.writeValueAsString(last.headers()));
    }

    private void run(Block block, Block next, Block afterNext, Path dir) throws Exception {
        switch (block.markerWord()) {
            case "event" -> {
                // The example has the shape of at least one real body of its type (nullable fields differ by outcome).
                List<byte[]> real = bodiesByType.getOrDefault(block.markerArgument(), List.of());
                assertThat(real).as("delivered " + block.markerArgument() + " events").isNotEmpty();
                List<List<String>> differences = real.stream().map(body -> JsonShape.differences(
                        GraphQl.JSON.readTree(block.code()), GraphQl.JSON.readTree(body))).toList();
                assertThat(differences).as("differences from each real " + block.markerArgument())
                        .anySatisfy(d -> assertThat(d).isEmpty());
                return;
            }
            case "config" -> {
                checkConfig(block);
                return;
            }
            default -> {
            }
        }
        if (block.language().equals("graphql")) {
            Block variables = next != null && next.markerWord().equals("variables") ? next : null;
            Block response = variables != null ? afterNext : next;
            Map<String, Object> vars = variables == null ? null
                    : GraphQl.JSON.readValue(expand(variables.code()), Map.class);
            GraphQl.Response answer = api.execute(block.code(), vars);
            assertThat(response != null && response.markerWord().equals("response"))
                    .as("a graphql block is followed by its response").isTrue();
            assertShape(response.code(), answer.raw());
            return;
        }
        String stdout = execute(block, dir);
        if (next != null && next.markerWord().equals("response")) {
            assertShape(next.code(), stdout.strip());
        } else if (next != null && next.markerWord().equals("output")) {
            for (String line : next.code().split("\n")) {
                if (!line.isBlank()) {
                    assertThat(stdout).as("output").contains(line.strip());
                }
            }
        }
    }

    private String execute(Block block, Path dir) throws Exception {
        List<String> command = new ArrayList<>();
        Map<String, String> environment = new LinkedHashMap<>(env);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("java.class.path");
        switch (block.language()) {
            case "sh" -> {
                // The guides' launcher becomes the test class path's, started like every other test JVM.
                String launcher = VoltmsgJvm.command("512m").stream()
                        .map(argument -> "'" + argument.replace("'", "'\\''") + "'")
                        .collect(Collectors.joining(" "));
                String code = block.code().replace("java -jar server/target/voltmsg.jar", launcher);
                command.addAll(List.of("bash", "-euo", "pipefail", "-c", code));
            }
            case "java" -> {
                Matcher name = Pattern.compile("public\\s+class\\s+(\\w+)").matcher(block.code());
                assertThat(name.find()).as("a java block declares a public class").isTrue();
                Path file = dir.resolve(name.group(1) + ".java");
                Files.writeString(file, block.code());
                command.addAll(List.of(java, "-cp", classPath, file.toString()));
            }
            case "js" -> {
                Path file = dir.resolve("snippet.cjs");
                Files.writeString(file, block.code());
                environment.put("NODE_PATH", Node.directory().resolve("node_modules").toString());
                command.addAll(List.of("node", file.toString()));
            }
            case "python" -> {
                requirePythonCryptography();
                Path file = dir.resolve("snippet.py");
                Files.writeString(file, block.code());
                command.addAll(List.of("python3", file.toString()));
            }
            default -> throw new AssertionError("cannot run " + block.language());
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().putAll(environment);
        Path err = dir.resolve("stderr.txt");
        builder.redirectError(err.toFile());
        Process process = builder.start();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("did not finish within 90 s");
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("exit " + process.exitValue() + "\nstdout: " + stdout + "\nstderr: "
                    + tail(Files.readString(err)));
        }
        return stdout;
    }

    private void checkConfig(Block block) throws Exception {
        String tool = block.markerArgument().split("\\s+")[0];
        switch (tool) {
            case "systemd" -> {
                String file = block.markerArgument().split("\\s+")[1];
                assertThat(block.code()).as("the unit in the document is " + file)
                        .isEqualTo(Files.readString(RepoFiles.root().resolve(file)));
            }
            case "prometheus" -> {
                Map<String, Object> rules = new Yaml().load(block.code());
                List<Map<String, Object>> groups = (List<Map<String, Object>>) rules.get("groups");
                assertThat(groups).isNotEmpty();
                String metrics = metrics();
                for (Map<String, Object> group : groups) {
                    for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                        assertThat(rule).containsKeys("alert", "expr");
                        Matcher names = Pattern.compile("\\bvoltmsg_[a-z_]+").matcher(String.valueOf(rule.get("expr")));
                        while (names.find()) {
                            assertThat(Pattern.compile("(?m)^" + names.group() + "[{ ]").matcher(metrics).find())
                                    .as("metric " + names.group() + " of alert " + rule.get("alert") + " is exported").isTrue();
                        }
                    }
                }
                if (onPath("promtool")) {
                    Path file = Files.writeString(temp.resolve("rules.yml"), block.code());
                    Process promtool = new ProcessBuilder("promtool", "check", "rules", file.toString())
                            .redirectErrorStream(true).start();
                    String output = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    assertThat(promtool.waitFor()).as("promtool check rules: " + output).isZero();
                }
            }
            case "env" -> {
                Set<String> known = documentedEnvironmentNames();
                for (String line : block.code().split("\n")) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        String name = line.substring(0, line.indexOf('='));
                        assertThat(known).as("environment variable " + name + " names a documented property").contains(name);
                    }
                }
            }
            case "properties" -> {
                Properties properties = new Properties();
                properties.load(new java.io.StringReader(block.code()));
                assertThat(properties).isNotEmpty();
                Set<String> known = new TreeSet<>(OperationsDocTest.documentedProperties());
                for (String name : properties.stringPropertyNames()) {
                    assertThat(name.startsWith("server.") || name.startsWith("spring.") || known.contains(name))
                            .as(name + " is a Spring Boot or documented property").isTrue();
                }
            }
            case "sql" -> {
                // Needs CREATE ROLE on a PostgreSQL server: PostgresSetupDocTest runs it in the PostgreSQL execution.
            }
            default -> throw new AssertionError("no checker for config " + tool);
        }
    }

    private static Set<String> documentedEnvironmentNames() throws IOException {
        Set<String> names = new TreeSet<>();
        for (String property : OperationsDocTest.documentedProperties()) {
            names.add(property.replace('.', '_').replace('-', '_').toUpperCase());
        }
        names.addAll(List.of("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD",
                "SERVER_PORT", "SERVER_ADDRESS"));
        return names;
    }

    /** Fails with what to install (.ci/run installs it); off CI the blocks are skipped with that message. */
    private static void requirePythonCryptography() throws IOException, InterruptedException {
        Process check = new ProcessBuilder("python3", "-c", "import cryptography").redirectErrorStream(true).start();
        check.getInputStream().readAllBytes();
        if (check.waitFor() != 0) {
            String message = "python3 has no cryptography package: apt-get install python3-cryptography (or pip install "
                    + "cryptography) to run the Python examples";
            if (!"true".equalsIgnoreCase(System.getenv("CI"))) {
                System.out.println("SKIPPED: " + message);
                throw new SkippedBlock();
            }
            throw new AssertionError(message);
        }
    }

    /** A block that cannot run on this machine outside CI (its reason is printed). */
    static final class SkippedBlock extends RuntimeException {
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** $NAME inside a variables block becomes the value the set-up made. */
    private String expand(String text) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = env.get(m.group(1));
            assertThat(value).as("value of $" + m.group(1)).isNotNull();
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    private static void assertShape(String expected, String actual) {
        JsonNode expectedJson = GraphQl.JSON.readTree(expected);
        JsonNode actualJson;
        try {
            actualJson = GraphQl.JSON.readTree(actual);
        } catch (RuntimeException e) {
            throw new AssertionError("not JSON: " + actual);
        }
        if (actualJson instanceof ObjectNode object && object.has("errors") && !expectedJson.has("errors")) {
            throw new AssertionError("errors: " + object.get("errors"));
        }
        assertThat(JsonShape.differences(expectedJson, actualJson)).as("shape of " + actual).isEmpty();
    }

    private static String tail(String text) {
        return text.length() > 2000 ? "…" + text.substring(text.length() - 2000) : text;
    }
}
