package io.voltmsg.carrier;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.voltmsg.carrier.RawPdu.pdu;

/** A hand-written SMSC for one client connection: answers bind, can hold submit_sm responses back. */
final class RawSmsc implements AutoCloseable {

    private final ServerSocket server;
    private final Thread thread;
    private final Object lock = new Object();
    private final List<RawPdu.Pdu> held = new ArrayList<>();
    final List<RawPdu.Pdu> received = new CopyOnWriteArrayList<>();
    private volatile OutputStream out;
    private boolean holdSubmits;
    private int nextId = 1;

    RawSmsc() throws IOException {
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        thread = new Thread(this::serve, "raw-smsc");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return server.getLocalPort();
    }

    boolean connected() {
        return out != null;
    }

    void holdSubmits(boolean hold) throws IOException {
        synchronized (lock) {
            holdSubmits = hold;
            if (!hold) {
                for (RawPdu.Pdu p : held) {
                    answerSubmit(p);
                }
                held.clear();
            }
        }
    }

    int heldCount() {
        synchronized (lock) {
            return held.size();
        }
    }

    void send(byte[] bytes) throws IOException {
        synchronized (lock) {
            out.write(bytes);
            out.flush();
        }
    }

    private void answerSubmit(RawPdu.Pdu p) throws IOException {
        out.write(pdu(RawPdu.RESP | RawPdu.SUBMIT_SM, 0, p.sequence(), RawPdu.body().cstr("W" + nextId++).build()));
        out.flush();
    }

    private void serve() {
        try (Socket s = server.accept()) {
            InputStream in = s.getInputStream();
            OutputStream o = s.getOutputStream();
            while (true) {
                RawPdu.Pdu p = RawPdu.read(in);
                received.add(p);
                synchronized (lock) {
                    switch (p.commandId()) {
                        case RawPdu.BIND_TRANSCEIVER -> {
                            o.write(pdu(RawPdu.RESP | RawPdu.BIND_TRANSCEIVER, 0, p.sequence(),
                                    RawPdu.body().cstr("raw").build()));
                            out = o;
                        }
                        case RawPdu.SUBMIT_SM -> {
                            if (holdSubmits) {
                                held.add(p);
                            } else {
                                answerSubmit(p);
                            }
                        }
                        case RawPdu.ENQUIRE_LINK -> o.write(pdu(RawPdu.RESP | RawPdu.ENQUIRE_LINK, 0, p.sequence(), new byte[0]));
                        case RawPdu.UNBIND -> {
                            o.write(pdu(RawPdu.RESP | RawPdu.UNBIND, 0, p.sequence(), new byte[0]));
                            return;
                        }
                        default -> {
                        }
                    }
                    o.flush();
                }
            }
        } catch (IOException e) {
            // connection or test over
        }
    }

    @Override
    public void close() throws Exception {
        server.close();
        thread.interrupt();
        thread.join(5_000);
    }
}
