package io.voltmsg.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the repository that tests share with other modules and tools (vectors, node peers). */
public final class RepoFiles {

    private RepoFiles() {
    }

    /** The repository root: the nearest directory above the working directory that holds {@code testing/node}. */
    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("testing/node"))) {
                return p;
            }
        }
        throw new IllegalStateException("no testing/node directory above " + dir);
    }

    /** The webhook signature vectors, kept in the SDK's test resources so the SDK reuses them. */
    public static Path signatureVectors() {
        return root().resolve("sdk/src/test/resources/webhook-signature-vectors.json");
    }
}
