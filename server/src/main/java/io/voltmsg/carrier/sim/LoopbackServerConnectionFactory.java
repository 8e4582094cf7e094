package io.voltmsg.carrier.sim;

import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.ServerSocketConnection;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * jsmpp's default factory listens on every interface; the simulator must only be reachable from this
 * machine. Also remembers the socket so the actual port is known when port 0 was asked for.
 */
final class LoopbackServerConnectionFactory implements ServerConnectionFactory {

    private volatile ServerSocket socket;

    @Override
    public ServerConnection listen(int port) throws IOException {
        return listen(port, 0);
    }

    @Override
    public ServerConnection listen(int port, int timeout) throws IOException {
        return listen(port, timeout, 50);
    }

    @Override
    public ServerConnection listen(int port, int timeout, int backlog) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true); // restart on the same port while old connections sit in TIME_WAIT
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), backlog);
        s.setSoTimeout(timeout);
        socket = s;
        return new ServerSocketConnection(s);
    }

    int localPort() {
        ServerSocket s = socket;
        return s == null ? -1 : s.getLocalPort();
    }
}
