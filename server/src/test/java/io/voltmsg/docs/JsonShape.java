package io.voltmsg.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Compares two JSON values by shape: the same object fields, recursively, and values of the same
 * JSON type (string, number, boolean, null, array, object); the values themselves (ids, times) may
 * differ. Every element of an actual array must have the shape of the example's first element.
 */
final class JsonShape {

    private JsonShape() {
    }

    /** The differences, each with its JSON path; empty when the shapes agree. */
    static List<String> differences(JsonNode expected, JsonNode actual) {
        List<String> out = new ArrayList<>();
        compare("$", expected, actual, out);
        return out;
    }

    private static void compare(String path, JsonNode expected, JsonNode actual, List<String> out) {
        if (expected.getNodeType() != actual.getNodeType()) {
            out.add(path + ": expected " + expected.getNodeType() + " but was " + actual.getNodeType() + " (" + abbreviate(actual) + ")");
            return;
        }
        if (expected.isObject()) {
            Set<String> expectedNames = new TreeSet<>(expected.propertyNames());
            Set<String> actualNames = new TreeSet<>(actual.propertyNames());
            for (String name : expectedNames) {
                if (!actualNames.contains(name)) {
                    out.add(path + "." + name + ": missing");
                } else {
                    compare(path + "." + name, expected.get(name), actual.get(name), out);
                }
            }
            for (String name : actualNames) {
                if (!expectedNames.contains(name)) {
                    out.add(path + "." + name + ": not in the example (" + abbreviate(actual.get(name)) + ")");
                }
            }
        } else if (expected.isArray()) {
            if (expected.isEmpty()) {
                return;
            }
            for (int i = 0; i < actual.size(); i++) {
                compare(path + "[" + i + "]", expected.get(0), actual.get(i), out);
            }
        }
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
