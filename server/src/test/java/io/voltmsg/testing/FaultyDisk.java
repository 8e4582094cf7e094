package io.voltmsg.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileSystemException;
import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * An H2 file system ({@code faulty:}) over the real disk whose writes can be made to fail the way a full or a
 * read-only disk fails them, for tests of what voltmsg does then. Tests run as root, so chmod cannot make a disk
 * read-only for them; this can. Applies to every database opened through it in this JVM.
 */
public final class FaultyDisk extends FilePathWrapper {

    public static final String SCHEME = "faulty";

    /** How writes go. */
    public enum State {
        WORKING("none"),
        FULL("No space left on device"),
        READ_ONLY("Read-only file system");

        final String error;

        State(String error) {
            this.error = error;
        }
    }

    private static volatile State state = State.WORKING;
    private static boolean registered;

    /** Makes the {@code faulty:} scheme known to H2 (once per JVM). */
    public static synchronized void register() {
        if (!registered) {
            FilePath.register(new FaultyDisk());
            registered = true;
        }
    }

    public static void set(State newState) {
        state = newState;
    }

    static void failIfBroken(String file) throws IOException {
        State now = state;
        if (now != State.WORKING) {
            throw new FileSystemException(file, null, now.error);
        }
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        return new FaultyChannel(super.open(mode), name);
    }

    @Override
    public OutputStream newOutputStream(boolean append) throws IOException {
        failIfBroken(name);
        return super.newOutputStream(append);
    }

    @Override
    public boolean createFile() {
        return state == State.WORKING && super.createFile();
    }

    /** Reads always work; writes, truncation and flushes fail while the disk is broken. */
    private static final class FaultyChannel extends FileBase {

        private final FileChannel channel;
        private final String name;

        FaultyChannel(FileChannel channel, String name) {
            this.channel = channel;
            this.name = name;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return channel.read(dst);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return channel.read(dst, position);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            failIfBroken(name);
            return channel.write(src);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            failIfBroken(name);
            return channel.write(src, position);
        }

        @Override
        public long position() throws IOException {
            return channel.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            channel.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return channel.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            failIfBroken(name);
            channel.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            failIfBroken(name);
            channel.force(metaData);
        }

        @Override
        public synchronized FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return channel.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            channel.close();
        }
    }
}
