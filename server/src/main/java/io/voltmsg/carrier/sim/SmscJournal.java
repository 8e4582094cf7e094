package io.voltmsg.carrier.sim;

import io.voltmsg.carrier.smpp.SmppAddress;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.OptionalParameters;
import org.jsmpp.bean.TypeOfNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the simulator keeps what it still has to deliver (receipts and mobile-originated messages), so that a
 * restarted SMSC delivers them as a real one would. In memory for the embedded simulator ({@link #none()}); one
 * file per delivery in a directory for the standalone one ({@code smsc --data-dir}). A file is written whole
 * (written aside, then renamed) before the delivery is promised to anyone, and removed once the client
 * acknowledged it.
 */
abstract class SmscJournal {

    /** A delivery as kept: what to send and from when. */
    record Entry(String key, Instant dueAt, SmscSimulator.PendingDeliver deliver) {
    }

    /** Keeps nothing: the embedded simulator lives and dies with the server it serves. */
    static SmscJournal none() {
        return new SmscJournal() {
            @Override
            void keep(String key, Instant dueAt, SmscSimulator.PendingDeliver deliver) {
            }

            @Override
            void forget(String key) {
            }

            @Override
            List<Entry> load() {
                return List.of();
            }
        };
    }

    /** Keeps every pending delivery as a file in {@code dir}, created when missing. */
    static SmscJournal in(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the SMSC data directory " + dir, e);
        }
        return new Directory(dir);
    }

    /** Stores a delivery under {@code key} before it is promised; replaces one kept under the same key. */
    abstract void keep(String key, Instant dueAt, SmscSimulator.PendingDeliver deliver);

    /** The client acknowledged it (or it can never be sent): it is not delivered again after a restart. */
    abstract void forget(String key);

    /** What was kept and not forgotten, oldest first. */
    abstract List<Entry> load();

    private static final class Directory extends SmscJournal {

        private static final Logger log = LoggerFactory.getLogger(Directory.class);
        private static final int VERSION = 1;
        private static final String SUFFIX = ".pdu";

        private final Path dir;

        Directory(Path dir) {
            this.dir = dir;
        }

        @Override
        void keep(String key, Instant dueAt, SmscSimulator.PendingDeliver deliver) {
            Path target = dir.resolve(key + SUFFIX);
            Path partial = dir.resolve(key + SUFFIX + ".partial");
            try {
                Files.write(partial, encode(dueAt, deliver));
                try {
                    Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot keep " + deliver.description() + " in " + dir, e);
            }
        }

        @Override
        void forget(String key) {
            try {
                Files.deleteIfExists(dir.resolve(key + SUFFIX));
            } catch (IOException e) {
                log.warn("could not remove {} from {}: {}; it may be delivered again after a restart", key, dir,
                        e.toString());
            }
        }

        @Override
        List<Entry> load() {
            List<Entry> entries = new ArrayList<>();
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
                for (Path file : files) {
                    String name = file.getFileName().toString();
                    try {
                        entries.add(decode(name.substring(0, name.length() - SUFFIX.length()), Files.readAllBytes(file)));
                    } catch (NoSuchFileException e) {
                        // removed meanwhile
                    } catch (IOException | RuntimeException e) {
                        log.warn("skipping unreadable {}: {}", file, e.toString());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the SMSC data directory " + dir, e);
            }
            entries.sort((a, b) -> a.dueAt().compareTo(b.dueAt()));
            return entries;
        }
    }

    static byte[] encode(Instant dueAt, SmscSimulator.PendingDeliver d) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(Directory.VERSION);
            out.writeLong(dueAt.toEpochMilli());
            writeAddress(out, d.source());
            writeAddress(out, d.destination());
            out.writeByte(d.esmClass());
            out.writeByte(d.dataCoding());
            out.writeInt(d.shortMessage().length);
            out.write(d.shortMessage());
            out.writeInt(d.tlvs().length);
            for (OptionalParameter tlv : d.tlvs()) {
                byte[] serialized = tlv.serialize();
                out.writeInt(serialized.length);
                out.write(serialized);
            }
            out.writeUTF(d.description());
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Entry decode(String key, byte[] data) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
        int version = in.readInt();
        if (version != Directory.VERSION) {
            throw new IOException("unknown format version " + version);
        }
        Instant dueAt = Instant.ofEpochMilli(in.readLong());
        SmppAddress source = readAddress(in);
        SmppAddress destination = readAddress(in);
        byte esm = in.readByte();
        byte dataCoding = in.readByte();
        byte[] sm = in.readNBytes(in.readInt());
        OptionalParameter[] tlvs = new OptionalParameter[in.readInt()];
        for (int i = 0; i < tlvs.length; i++) {
            byte[] serialized = in.readNBytes(in.readInt());
            ByteBuffer tlv = ByteBuffer.wrap(serialized);
            short tag = tlv.getShort();
            int length = Short.toUnsignedInt(tlv.getShort());
            tlvs[i] = OptionalParameters.deserialize(tag, Arrays.copyOfRange(serialized, 4, 4 + length));
        }
        String description = in.readUTF();
        return new Entry(key, dueAt, new SmscSimulator.PendingDeliver(key, source, destination, esm, dataCoding, sm, tlvs,
                description));
    }

    private static void writeAddress(DataOutputStream out, SmppAddress address) throws IOException {
        out.writeByte(address.ton().value());
        out.writeByte(address.npi().value());
        out.writeUTF(address.address());
    }

    private static SmppAddress readAddress(DataInputStream in) throws IOException {
        byte ton = in.readByte();
        byte npi = in.readByte();
        return new SmppAddress(TypeOfNumber.valueOf(ton), NumberingPlanIndicator.valueOf(npi), in.readUTF());
    }
}
