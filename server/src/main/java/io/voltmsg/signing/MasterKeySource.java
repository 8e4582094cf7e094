package io.voltmsg.signing;

import io.voltmsg.shared.Databases;
import io.voltmsg.shared.VoltmsgProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import javax.sql.DataSource;

/**
 * Where the master key comes from: configuration when set; otherwise, on the embedded H2
 * database only, a file generated once in the data directory. PostgreSQL is shared by
 * several instances, so a generated per-host key would be wrong there: refuse to start.
 */
final class MasterKeySource {

    static final String FILE_NAME = "master.key";

    private MasterKeySource() {
    }

    static MasterKey load(SigningProperties signing, VoltmsgProperties voltmsg, DataSource dataSource) {
        if (signing.masterKey() != null && !signing.masterKey().isBlank()) {
            return MasterKey.fromBase64(signing.masterKey());
        }
        if (Databases.isPostgres(dataSource)) {
            throw new io.voltmsg.shared.StartupProblem("voltmsg.signing.master-key (env VOLTMSG_SIGNING_MASTER_KEY) is "
                    + "not set; with PostgreSQL it is required (a key generated per host would differ between instances).",
                    "Set VOLTMSG_SIGNING_MASTER_KEY: for a new installation " + MasterKey.HOW_TO_MAKE_ONE
                            + ", and give every instance the same value.");
        }
        return MasterKey.fromBase64(readOrCreate(voltmsg.dataDir().resolve(FILE_NAME)));
    }

    private static String readOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII);
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), "master", ".tmp");
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the directory's permissions protect it
            }
            Files.writeString(temp, MasterKey.generateBase64(), StandardCharsets.US_ASCII);
            try {
                // A hard link is created atomically and fails if another process won the race: then use theirs.
                Files.createLink(file, temp);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // the other process's key stands
            } finally {
                Files.deleteIfExists(temp);
            }
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or create the master key file " + file + ": " + e.getMessage(), e);
        }
    }
}
