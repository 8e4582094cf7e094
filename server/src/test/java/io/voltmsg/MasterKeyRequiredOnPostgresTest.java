package io.voltmsg;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.voltmsg.testing.VoltmsgJvm;
import io.voltmsg.testing.ServerProcess;
import io.voltmsg.testing.TestDatabase;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On PostgreSQL the master key must be configured: without it the start fails with the cause and the fix. */
@Tag("database")
class MasterKeyRequiredOnPostgresTest {

    @TempDir
    Path workDir;

    @Test
    void withoutAMasterKeyPostgresStopsTheStartInOneReport() throws Exception {
        assumeTrue(TestDatabase.isPostgres(), "PostgreSQL execution only");
        TestDatabase db = TestDatabase.fresh();
        List<String> command = VoltmsgJvm.command("512m", "--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.username(),
                "--server.port=" + ServerProcess.freePort(), "--voltmsg.carrier.simulator.port=" + ServerProcess.freePort());
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("VOLTMSG_") || name.startsWith("SPRING_"));
        File output = workDir.resolve("out.log").toFile();
        Process process = builder.redirectOutput(output).start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("did not stop");
        }
        StartupFailuresTest.assertFailedClearly(new StartupFailuresTest.Exit(process.exitValue(),
                        Files.readString(output.toPath())),
                "voltmsg.signing.master-key (env VOLTMSG_SIGNING_MASTER_KEY) is not set; with PostgreSQL it is required",
                "Set VOLTMSG_SIGNING_MASTER_KEY");
    }
}
