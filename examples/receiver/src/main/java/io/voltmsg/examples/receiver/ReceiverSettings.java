package io.voltmsg.examples.receiver;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the receiver is told: from arguments, else environment variables, else defaults.
 *
 * @param host      the address to listen on ({@code --host}, {@code RECEIVER_HOST}; 127.0.0.1)
 * @param port      the port ({@code --port}, {@code RECEIVER_PORT}; 9000; 0 picks a free one)
 * @param path      the webhook path ({@code --path}, {@code RECEIVER_PATH}; /webhooks)
 * @param voltmsg   the voltmsg server whose keys verify RSA and v1a ({@code --voltmsg}, {@code VOLTMSG_URL};
 *                  http://127.0.0.1:8080)
 * @param secrets   the webhook's whsec_ secrets for v1 ({@code --secret}, repeatable, or {@code VOLTMSG_WEBHOOK_SECRET},
 *                  comma-separated); none until the webhook is registered
 */
record ReceiverSettings(String host, int port, String path, URI voltmsg, List<String> secrets) {

    static final String USAGE = """
            usage: java -jar receiver.jar [--port 9000] [--host 127.0.0.1] [--path /webhooks]
                                          [--voltmsg http://127.0.0.1:8080] [--secret whsec_... ...]
            environment: RECEIVER_PORT, RECEIVER_HOST, RECEIVER_PATH, VOLTMSG_URL, VOLTMSG_WEBHOOK_SECRET (comma-separated)""";

    /** Thrown for arguments the receiver cannot start with; the message says which and why. */
    static final class BadSettings extends IllegalArgumentException {
        BadSettings(String message) {
            super(message);
        }
    }

    static ReceiverSettings parse(String[] args, Map<String, String> env) {
        String host = env.getOrDefault("RECEIVER_HOST", "127.0.0.1");
        String port = env.getOrDefault("RECEIVER_PORT", "9000");
        String path = env.getOrDefault("RECEIVER_PATH", "/webhooks");
        String voltmsg = env.getOrDefault("VOLTMSG_URL", "http://127.0.0.1:8080");
        List<String> secrets = new ArrayList<>();
        List<String> argSecrets = new ArrayList<>();
        String envSecrets = env.get("VOLTMSG_WEBHOOK_SECRET");
        if (envSecrets != null) {
            for (String s : envSecrets.split(",")) {
                if (!s.isBlank()) {
                    secrets.add(s.strip());
                }
            }
        }
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (!List.of("--host", "--port", "--path", "--voltmsg", "--secret").contains(option)) {
                throw new BadSettings("unknown argument " + printable(option));
            }
            if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                throw new BadSettings(option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--host" -> host = value;
                case "--port" -> port = value;
                case "--path" -> path = value;
                case "--voltmsg" -> voltmsg = value;
                default -> argSecrets.add(value);
            }
        }
        if (!argSecrets.isEmpty()) {
            secrets = argSecrets;
        }
        return new ReceiverSettings(checkHost(host), checkPort(port), checkPath(path), checkUrl(voltmsg), List.copyOf(secrets));
    }

    private static String checkHost(String host) {
        if (host.isBlank() || !host.matches("[0-9A-Za-z.:\\[\\]-]{1,253}")) {
            throw new BadSettings("--host must be an address to listen on, like 127.0.0.1");
        }
        return host;
    }

    private static int checkPort(String port) {
        try {
            int value = Integer.parseInt(port.strip());
            if (value >= 0 && value <= 65535) {
                return value;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new BadSettings("--port must be a number from 0 to 65535, not " + printable(port));
    }

    private static String checkPath(String path) {
        if (!path.matches("/[A-Za-z0-9._~/-]{0,200}")) {
            throw new BadSettings("--path must start with / and hold only letters, digits and ._~/-");
        }
        return path;
    }

    private static URI checkUrl(String url) {
        try {
            URI uri = new URI(url.strip());
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (java.net.URISyntaxException e) {
            // said below
        }
        throw new BadSettings("--voltmsg must be the voltmsg server's http(s) URL, like http://127.0.0.1:8080");
    }

    /** A value for an error message: cut short, control characters shown as '?'. */
    private static String printable(String value) {
        String cut = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return "'" + cut.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
