package io.voltmsg.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line that runs voltmsg in a JVM of its own from the test class path, as {@code java -jar voltmsg.jar}
 * would. C1 only and the serial collector: these JVMs live for seconds (a CLI command, a start-up failure, a server
 * killed and restarted), and on two cores C2 compiling Spring's start-up cost more than the start-up itself (57-83 s
 * against 15-26 s under load); what the tests check does not depend on peak speed.
 */
public final class VoltmsgJvm {

    private VoltmsgJvm() {
    }

    /** {@code java <options> -cp <test class path> io.voltmsg.VoltmsgApplication <args>}, with at most {@code heap}. */
    public static List<String> command(String heap, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), "io.voltmsg.VoltmsgApplication"));
        command.addAll(List.of(args));
        return command;
    }
}
