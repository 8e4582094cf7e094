package io.voltmsg.carrier.sim;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only record of what the simulator did, one tab-separated line per PDU, written through at once so a
 * test can read it while the SMSC runs and after it was killed ({@code smsc --submit-log}, {@code --deliver-log}).
 * Fields are escaped so that a line is always one record: backslash, tab, CR and LF as {@code \\ \t \r \n}.
 */
final class SmscLog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SmscLog.class);

    private final OutputStream out;

    private SmscLog(OutputStream out) {
        this.out = out;
    }

    static SmscLog none() {
        return new SmscLog(null);
    }

    static SmscLog appendingTo(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return new SmscLog(Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file + " for appending", e);
        }
    }

    boolean enabled() {
        return out != null;
    }

    /** Appends one line of fields. */
    void record(Object... fields) {
        if (out == null) {
            return;
        }
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                line.append('\t');
            }
            line.append(escape(String.valueOf(fields[i])));
        }
        line.append('\n');
        byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
        synchronized (this) {
            try {
                out.write(bytes); // unbuffered: the line is in the file (page cache) when this returns
            } catch (IOException e) {
                log.warn("could not append to the SMSC log: {}", e.toString());
            }
        }
    }

    static String escape(String field) {
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public synchronized void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                log.debug("closing the SMSC log", e);
            }
        }
    }
}
