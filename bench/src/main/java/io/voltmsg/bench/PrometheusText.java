package io.voltmsg.bench;

import java.util.HashMap;
import java.util.Map;

/** Reads samples out of the Prometheus text format that {@code /actuator/prometheus} serves. */
final class PrometheusText {

    private PrometheusText() {
    }

    /**
     * The sum of every sample named {@code name} whose labels include {@code labels} (other labels may be
     * there too); NaN when no sample matches, so a metric the server lacks is not taken for zero.
     */
    static double sum(String exposition, String name, Map<String, String> labels) {
        double sum = 0;
        boolean found = false;
        for (String line : exposition.split("\n")) {
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#") || !line.startsWith(name)) {
                continue;
            }
            int afterName = name.length();
            if (afterName < line.length() && line.charAt(afterName) != '{' && line.charAt(afterName) != ' ') {
                continue; // a longer name that starts the same
            }
            Map<String, String> sampleLabels = new HashMap<>();
            int valueStart = afterName;
            if (afterName < line.length() && line.charAt(afterName) == '{') {
                valueStart = parseLabels(line, afterName + 1, sampleLabels);
            }
            if (!sampleLabels.entrySet().containsAll(labels.entrySet())) {
                continue;
            }
            String[] rest = line.substring(valueStart).trim().split("\\s+");
            sum += parseValue(rest[0], line);
            found = true;
        }
        return found ? sum : Double.NaN;
    }

    /** Reads {@code key="value",...} up to the closing brace; returns the index after it. */
    private static int parseLabels(String line, int from, Map<String, String> labels) {
        int i = from;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '}') {
                return i + 1;
            }
            if (c == ',' || c == ' ') {
                i++;
                continue;
            }
            int equals = line.indexOf('=', i);
            if (equals < 0 || equals + 1 >= line.length() || line.charAt(equals + 1) != '"') {
                throw new IllegalArgumentException("malformed labels in: " + line);
            }
            String key = line.substring(i, equals).trim();
            StringBuilder value = new StringBuilder();
            int j = equals + 2;
            while (j < line.length() && line.charAt(j) != '"') {
                char v = line.charAt(j);
                if (v == '\\' && j + 1 < line.length()) {
                    char escaped = line.charAt(++j);
                    value.append(escaped == 'n' ? '\n' : escaped);
                } else {
                    value.append(v);
                }
                j++;
            }
            if (j >= line.length()) {
                throw new IllegalArgumentException("unterminated label value in: " + line);
            }
            labels.put(key, value.toString());
            i = j + 1;
        }
        throw new IllegalArgumentException("labels without a closing brace in: " + line);
    }

    private static double parseValue(String text, String line) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> {
                try {
                    yield Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("not a sample value: " + line, e);
                }
            }
        };
    }
}
