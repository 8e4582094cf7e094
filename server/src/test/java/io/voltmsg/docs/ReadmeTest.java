package io.voltmsg.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltmsg.testing.RepoFiles;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The README links the guides and the operations page instead of keeping its own copy of every setting. */
class ReadmeTest {

    @Test
    void linksTheGuidesAndUsesTheExampleReceiverInTheQuickstart() throws IOException {
        String readme = Files.readString(RepoFiles.root().resolve("README.md"));
        assertThat(readme).contains("(docs/webhooks.md)", "(docs/api.md)", "(docs/operations.md)",
                "java -jar examples/receiver/target/receiver.jar");
        for (String line : readme.split("\n")) {
            if (line.startsWith("| `voltmsg.delivery.") || line.startsWith("| `voltmsg.carrier.smpp.")) {
                throw new AssertionError("README repeats a setting that docs/operations.md documents: " + line);
            }
        }
    }
}
