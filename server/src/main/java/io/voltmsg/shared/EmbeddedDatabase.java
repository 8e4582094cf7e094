package io.voltmsg.shared;

import java.nio.file.Path;

/**
 * The embedded H2 database in the data directory: the one definition of its URL, used by the server, the CLI,
 * tests and benchmarks alike, so all of them open it with the same guarantees.
 *
 * <ul>
 *   <li>{@code WRITE_DELAY=0}: a commit is written to the file before it returns, so a killed process loses nothing
 *       it acknowledged (H2's default writes commits up to 500 ms later). It does not fsync: surviving power loss
 *       is PostgreSQL's job ({@code synchronous_commit=on}).</li>
 *   <li>H2 must not close the database from its own JVM shutdown hook while the application is still stopping;
 *       {@code DB_CLOSE_ON_EXIT=FALSE} would say so, but H2 refuses it together with {@code AUTO_SERVER}, so the
 *       server takes the hook away itself ({@link H2ExitHook}) and the connection pool, closed last, closes it.</li>
 *   <li>{@code AUTO_SERVER=TRUE}: CLI commands share the file with a running server.</li>
 *   <li>{@code MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH}: one set of SQL for both databases.</li>
 *   <li>{@code QUERY_CACHE_SIZE=64}: H2 re-parses a connection's SQL beyond its 8 most recent statements by
 *       default, and the message path alone runs more distinct statements than that.</li>
 * </ul>
 */
public final class EmbeddedDatabase {

    /** The database's file name in the data directory, without H2's {@code .mv.db}. */
    public static final String NAME = "voltmsg";
    static final String OPTIONS = ";MODE=PostgreSQL;AUTO_SERVER=TRUE;DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=64"
            + ";WRITE_DELAY=0";

    private EmbeddedDatabase() {
    }

    /** The JDBC URL of the embedded database kept in {@code dataDir}. */
    public static String url(Path dataDir) {
        return url("file", dataDir);
    }

    /** The same database read through another of H2's file systems (tests plug in one that can fail). */
    public static String url(String fileSystem, Path dataDir) {
        return "jdbc:h2:" + fileSystem + ":" + dataDir.toAbsolutePath().normalize().resolve(NAME) + OPTIONS;
    }

    /**
     * The file an H2 file-database URL keeps its data in ({@code jdbc:h2:file:/x/voltmsg;...} → {@code /x/voltmsg.mv.db});
     * empty for any other URL (PostgreSQL, in-memory, a TCP server).
     */
    public static java.util.Optional<Path> fileOf(String jdbcUrl) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:h2:")) {
            return java.util.Optional.empty();
        }
        String rest = jdbcUrl.substring("jdbc:h2:".length());
        int options = rest.indexOf(';');
        String path = options < 0 ? rest : rest.substring(0, options);
        if (path.startsWith("file:")) {
            path = path.substring("file:".length());
        } else if (path.contains(":")) { // mem:, tcp:, ssl:, zip:...
            return java.util.Optional.empty();
        }
        if (path.startsWith("~")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        return java.util.Optional.of(Path.of(path + ".mv.db"));
    }

    /** The file H2 keeps the database in. */
    public static Path file(Path dataDir) {
        return dataDir.resolve(NAME + ".mv.db");
    }
}
