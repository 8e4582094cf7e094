package io.voltmsg.carrier.sim;

import io.voltmsg.carrier.CarrierSimulator;

/** The standalone SMSC's console: one command per line. */
final class SmscCommands {

    static final String USAGE = "commands: mo FROM TO TEXT (FROM and TO E.164, like +15550109999)";

    private SmscCommands() {
    }

    /** Runs one line; returns what to print, or null for an empty line. */
    static String run(String line, CarrierSimulator sim) {
        String trimmed = line.strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        String[] words = trimmed.split(" ", 4);
        if (!words[0].equals("mo") || words.length < 4) {
            return "unknown command '" + firstWord(trimmed) + "'; " + USAGE;
        }
        if (!isE164(words[1]) || !isE164(words[2])) {
            return "FROM and TO must be E.164 numbers like +15550109999; " + USAGE;
        }
        try {
            sim.injectInbound(words[1], words[2], words[3]);
            return "queued mo " + words[1] + " -> " + words[2];
        } catch (RuntimeException e) {
            return "mo refused: " + e.getMessage();
        }
    }

    private static boolean isE164(String number) {
        return number.matches("\\+[1-9][0-9]{6,14}");
    }

    private static String firstWord(String line) {
        String word = line.split("\\s+", 2)[0];
        return word.length() > 20 ? word.substring(0, 20) + "…" : word;
    }
}
