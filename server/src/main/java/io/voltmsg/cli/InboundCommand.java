package io.voltmsg.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code voltmsg inbound}: asks the running server (GraphQL {@code simulateInboundMessage}) to have its embedded
 * SMSC send a message from a handset to one of the organization's numbers, as real deliver_sm PDUs. Prints the
 * new message's id.
 */
@Command(name = "inbound", mixinStandardHelpOptions = true,
        description = "Simulate an SMS from a handset to one of your numbers on a running server (embedded SMSC).")
class InboundCommand implements Callable<Integer> {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String MUTATION = """
            mutation simulateInboundMessage($from: String!, $to: String!, $body: String!) {
              simulateInboundMessage(from: $from, to: $to, body: $body) { id status }
            }""";

    @Option(names = "--url", defaultValue = "http://127.0.0.1:8080",
            description = "Base URL of the running server. Default: ${DEFAULT-VALUE}")
    String url;

    @Option(names = "--token", defaultValue = "${env:VOLTMSG_TOKEN}",
            description = "API token with write:messages (or set VOLTMSG_TOKEN).")
    String token;

    @Option(names = "--from", required = true, description = "The handset, E.164, e.g. +15550109999.")
    String from;

    @Option(names = "--to", required = true, description = "Your organization's number, E.164.")
    String to;

    @Option(names = "--body", required = true, description = "The message text.")
    String body;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The cause in words and the likely fix, for a server that could not be reached. */
    static String unreachable(String url, IOException e) {
        String cause = e instanceof java.net.ConnectException ? "connection refused"
                : e instanceof java.net.http.HttpConnectTimeoutException ? "no answer to connect within 5 s"
                : e instanceof java.net.http.HttpTimeoutException ? "no answer within 30 s"
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return "cannot reach voltmsg at " + url + ": " + cause + " — is the server running? (--url sets where)";
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (token == null || token.isBlank()) {
            spec.commandLine().getErr().println("error: no token: pass --token or set VOLTMSG_TOKEN");
            return 1;
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("query", MUTATION);
        request.put("variables", Map.of("from", from, "to", to, "body", body));
        URI endpoint = URI.create(url.replaceAll("/+$", "") + "/graphql");
        HttpResponse<String> response;
        try {
            response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .header("Authorization", "Bearer " + token)
                            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request)))
                            .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new CliFailure(CliFailure.UNREACHABLE, unreachable(url, e));
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body());
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("error: HTTP " + response.statusCode() + " from " + endpoint);
            return 1;
        }
        JsonNode error = answer.path("errors").path(0);
        if (!error.isMissingNode()) {
            spec.commandLine().getErr().println("error: " + error.path("message").asString() + " ("
                    + error.path("extensions").path("code").asString() + ")");
            return 1;
        }
        JsonNode message = answer.path("data").path("simulateInboundMessage");
        spec.commandLine().getOut().println(message.path("id").asString());
        return 0;
    }
}
