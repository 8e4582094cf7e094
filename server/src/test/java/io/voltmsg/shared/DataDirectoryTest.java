package io.voltmsg.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data directory rule: created 0700, new files 0600, looser permissions found at start are warned about. */
class DataDirectoryTest {

    @TempDir
    Path temp;

    @Test
    void aNewDataDirectoryIsOwnerOnlyAndNewFilesAreMadeOwnerOnly() throws Exception {
        Path dir = temp.resolve("nested").resolve("data");
        assertThat(DataDirectory.create(dir)).isTrue();
        assertThat(mode(dir)).isEqualTo("rwx------");
        assertThat(DataDirectory.create(dir)).isFalse();

        Path before = Files.writeString(dir.resolve("kept.txt"), "x");
        Files.setPosixFilePermissions(before, PosixFilePermissions.fromString("rw-r-----"));
        Set<Path> existing = DataDirectory.files(dir);
        Path created = Files.writeString(dir.resolve("voltmsg.mv.db"), "x");
        Files.setPosixFilePermissions(created, PosixFilePermissions.fromString("rw-r--r--"));
        DataDirectory.restrictFiles(dir, existing);
        assertThat(mode(created)).isEqualTo("rw-------");
        assertThat(mode(before)).as("the operator's choice stands").isEqualTo("rw-r-----");
        assertThat(DataDirectory.check(dir)).singleElement().asString()
                .contains(before.toString(), "rw-r-----", "chmod 600 " + before);
    }

    @Test
    void looserPermissionsAreWarnedAboutWithTheCommandThatFixesThem() throws Exception {
        Path dir = Files.createDirectory(temp.resolve("data"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path key = Files.writeString(dir.resolve("master.key"), "k");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(DataDirectory.check(dir)).containsExactly(
                dir + " is rwxr-xr-x: other users may read voltmsg's data; run chmod 700 " + dir,
                key + " is rw-r--r--: other users may read voltmsg's data; run chmod 600 " + key);

        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        assertThat(DataDirectory.check(dir)).isEmpty();
        assertThat(DataDirectory.files(temp.resolve("missing"))).isEmpty();
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
