package io.voltmsg.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The data directory ({@code voltmsg.data-dir}): created owner-only (0700), its files made owner-only (0600), and
 * checked at every start with a warning for what others may read. On a file system without POSIX permissions
 * nothing is set or checked.
 */
public final class DataDirectory {

    static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private DataDirectory() {
    }

    /** Creates the directory (and missing parents) with permissions 0700 when it does not exist yet; true if it did not. */
    public static boolean create(Path dir) {
        if (Files.isDirectory(dir)) {
            return false;
        }
        try {
            Path parent = dir.toAbsolutePath().normalize().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (posix(dir.toAbsolutePath().normalize().getParent())) {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectory(dir);
            }
            return true;
        } catch (java.nio.file.FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new StartupProblem("Cannot create the data directory " + dir.toAbsolutePath().normalize()
                    + " (voltmsg.data-dir): " + e.getMessage() + ".",
                    "Create it yourself (mkdir -m 700), or point voltmsg.data-dir (env VOLTMSG_DATA_DIR) at a directory "
                            + "this user may write.", e);
        }
    }

    /** The directory's regular files now (none when it does not exist). */
    public static Set<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).collect(java.util.stream.Collectors.toSet());
        } catch (IOException e) {
            return Set.of();
        }
    }

    /**
     * Makes the directory's regular files owner-only (0600), except those in {@code keep} (files that were there
     * before: their permissions are the operator's choice, and {@link #check} warns about them).
     */
    public static void restrictFiles(Path dir, Set<Path> keep) {
        if (!posix(dir) || !Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(Files::isRegularFile).filter(file -> !keep.contains(file)).forEach(file -> {
                try {
                    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
                    if (permissions.removeAll(OTHERS)) {
                        Files.setPosixFilePermissions(file, permissions);
                    }
                } catch (IOException e) {
                    // reported by check() at the next start
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One warning for each of the directory and its files that others may read, write or enter; none when all is owner-only. */
    public static List<String> check(Path dir) {
        List<String> warnings = new ArrayList<>();
        if (!posix(dir)) {
            return warnings;
        }
        warnIfOpen(dir, "700", warnings);
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(Files::isRegularFile).sorted().forEach(file -> warnIfOpen(file, "600", warnings));
        } catch (IOException e) {
            warnings.add("cannot list the data directory " + dir + ": " + e.getMessage());
        }
        return warnings;
    }

    private static void warnIfOpen(Path path, String mode, List<String> warnings) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
            if (permissions.stream().anyMatch(OTHERS::contains)) {
                warnings.add(path.toAbsolutePath().normalize() + " is " + PosixFilePermissions.toString(permissions)
                        + ": other users may read voltmsg's data; run chmod " + mode + " " + path.toAbsolutePath().normalize());
            }
        } catch (FileSystemException e) {
            // vanished meanwhile (H2's lock file): nothing to say
        } catch (IOException e) {
            warnings.add("cannot read the permissions of " + path + ": " + e.getMessage());
        }
    }

    private static boolean posix(Path path) {
        return path != null && path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
