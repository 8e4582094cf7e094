package io.voltmsg.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltmsg.testing.RepoFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** examples/systemd/voltmsg.service passes `systemd-analyze verify` with no warning, where systemd-analyze exists. */
class SystemdUnitTest {

    static final Path UNIT = RepoFiles.root().resolve("examples/systemd/voltmsg.service");

    @TempDir
    Path temp;

    @Test
    void theShippedUnitVerifiesWithoutAWarning() throws Exception {
        assumeSystemdAnalyze();
        Path copy = Files.copy(UNIT, temp.resolve("voltmsg.service"));
        Result result = verify(copy);
        assertThat(result.output()).as("systemd-analyze verify output").isEmpty();
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void aBrokenUnitIsReported() throws Exception {
        assumeSystemdAnalyze();
        String unit = Files.readString(UNIT);
        Path misspelt = Files.writeString(temp.resolve("misspelt.service"), unit.replace("Restart=on-failure", "Restrat=on-failure"));
        assertThat(verify(misspelt).output()).contains("Restrat");
        Path missingBinary = Files.writeString(temp.resolve("nobinary.service"),
                unit.replace("ExecStart=/usr/bin/java", "ExecStart=/nonexistent/java"));
        assertThat(verify(missingBinary).exitCode()).isNotZero();
    }

    record Result(int exitCode, String output) {
    }

    private static Result verify(Path unit) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("systemd-analyze", "verify", unit.getFileName().toString())
                .directory(unit.getParent().toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private static void assumeSystemdAnalyze() {
        boolean present = false;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            present |= Files.isExecutable(Path.of(dir, "systemd-analyze"));
        }
        Assumptions.assumeTrue(present, "systemd-analyze is not installed: the unit file is not checked");
    }
}
