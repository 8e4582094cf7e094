package io.voltmsg.messaging;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;

/**
 * A TCP proxy between our SMPP client and an SMSC that reads the PDUs passing through and logs, in order,
 * every submit_sm (by destination address) and every successful submit_sm_resp handed to the client. From that
 * log a test can tell whether a message the carrier acknowledged was submitted again.
 */
final class SmppTap implements AutoCloseable {

    /** One line of the log: "submit" or "ack", and the destination address (without '+'). */
    record Entry(String kind, String destination) {
    }

    private static final int SUBMIT_SM = 0x00000004;
    private static final int SUBMIT_SM_RESP = 0x80000004;

    private final ServerSocket server;
    private final IntSupplier upstreamPort;
    private final List<Entry> log = new CopyOnWriteArrayList<>();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile boolean open = true;

    SmppTap(IntSupplier upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::acceptLoop, "smpp-tap-accept");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return server.getLocalPort();
    }

    List<Entry> log() {
        return new ArrayList<>(log);
    }

    /** Destinations submitted again after the client had received an acknowledgement for them. */
    Set<String> submittedAfterAck() {
        Set<String> acked = new HashSet<>();
        Set<String> again = new HashSet<>();
        for (Entry e : log) {
            if (e.kind().equals("ack")) {
                acked.add(e.destination());
            } else if (acked.contains(e.destination())) {
                again.add(e.destination());
            }
        }
        return again;
    }

    long count(String kind) {
        return log.stream().filter(e -> e.kind().equals(kind)).count();
    }

    private void acceptLoop() {
        while (open) {
            try {
                Socket client = server.accept();
                Socket upstream;
                try {
                    upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort.getAsInt());
                } catch (IOException e) {
                    client.close(); // SMSC down: the client backs off and tries again
                    continue;
                }
                sockets.add(client);
                sockets.add(upstream);
                Map<Integer, String> pending = new ConcurrentHashMap<>();
                pump(client, upstream, pending, true);
                pump(upstream, client, pending, false);
            } catch (IOException e) {
                if (open) {
                    continue;
                }
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, Map<Integer, String> pending, boolean clientToServer) {
        Thread t = new Thread(() -> {
            try (DataInputStream in = new DataInputStream(from.getInputStream())) {
                OutputStream out = to.getOutputStream();
                while (true) {
                    int length = in.readInt();
                    if (length < 16 || length > 100_000) {
                        throw new IOException("bad PDU length " + length);
                    }
                    byte[] pdu = new byte[length];
                    pdu[0] = (byte) (length >>> 24);
                    pdu[1] = (byte) (length >>> 16);
                    pdu[2] = (byte) (length >>> 8);
                    pdu[3] = (byte) length;
                    in.readFully(pdu, 4, length - 4);
                    int commandId = intAt(pdu, 4);
                    int status = intAt(pdu, 8);
                    int sequence = intAt(pdu, 12);
                    if (clientToServer && commandId == SUBMIT_SM) {
                        String destination = destinationOf(pdu);
                        pending.put(sequence, destination);
                        log.add(new Entry("submit", destination));
                    }
                    if (!clientToServer && commandId == SUBMIT_SM_RESP) {
                        String destination = pending.remove(sequence);
                        if (status == 0 && destination != null) {
                            out.write(pdu);
                            out.flush();
                            log.add(new Entry("ack", destination));
                            continue;
                        }
                    }
                    out.write(pdu);
                    out.flush();
                }
            } catch (EOFException e) {
                // closed
            } catch (IOException e) {
                // closed or broken
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "smpp-tap-pump");
        t.setDaemon(true);
        t.start();
    }

    /** submit_sm body: service_type, source ton/npi/addr, dest ton/npi/addr, ... */
    private static String destinationOf(byte[] pdu) {
        int p = 16;
        p = skipCString(pdu, p);      // service_type
        p += 2;                         // source ton, npi
        p = skipCString(pdu, p);      // source_addr
        p += 2;                         // dest ton, npi
        int end = p;
        while (end < pdu.length && pdu[end] != 0) {
            end++;
        }
        return new String(pdu, p, end - p, StandardCharsets.US_ASCII);
    }

    private static int skipCString(byte[] pdu, int p) {
        while (p < pdu.length && pdu[p] != 0) {
            p++;
        }
        return p + 1;
    }

    private static int intAt(byte[] b, int i) {
        return ((b[i] & 0xff) << 24) | ((b[i + 1] & 0xff) << 16) | ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing
        }
    }

    /** Cuts every connection (both sides). */
    void cut() {
        for (Socket s : sockets) {
            closeQuietly(s);
        }
        sockets.clear();
    }

    @Override
    public void close() {
        open = false;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing
        }
        cut();
    }

}
