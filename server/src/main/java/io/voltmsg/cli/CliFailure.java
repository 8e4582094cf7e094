package io.voltmsg.cli;

/** A command that cannot do its work, with the message the operator reads and the process's exit code. */
final class CliFailure extends RuntimeException {

    /** The command was refused or failed: bad input, nothing with that id, a rule that forbids it. */
    static final int REFUSED = 1;
    /** Something the command needs is not there: no database in the data directory, the server not running. */
    static final int UNREACHABLE = 3;

    private final int exitCode;

    CliFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }

    /** The cause and the way out, for a data directory without a database. */
    static CliFailure noDatabase(java.nio.file.Path file) {
        java.nio.file.Path absolute = file.toAbsolutePath().normalize();
        return new CliFailure(UNREACHABLE, "no voltmsg database at " + absolute
                + " (the CLI never creates one). Run the command from the directory the server runs in, or point it"
                + " at the server's data directory: VOLTMSG_DATA_DIR=/path/to/data (or --voltmsg.data-dir for the"
                + " server); with PostgreSQL, set SPRING_DATASOURCE_URL as the server has it.");
    }
}
