package dateline.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on loopback that a test can cut and restore, to take a server away from the application
 * and give it back without touching the server itself. Cutting closes the listener and every open
 * connection, so the application sees what a crashed or unreachable database looks like: established
 * connections fail and new ones are refused. Restoring listens on the same port again.
 */
public final class CuttableProxy implements AutoCloseable {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final InetSocketAddress target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final int port;
    private ServerSocket listener;

    public CuttableProxy(String targetHost, int targetPort) throws IOException {
        this.target = new InetSocketAddress(targetHost, targetPort);
        this.listener = listen(0);
        this.port = listener.getLocalPort();
    }

    /** The loopback port the application should connect to. */
    public int port() {
        return port;
    }

    /** Closes the listener and every connection through the proxy: new connections are refused. */
    public synchronized void cut() {
        closeQuietly(listener);
        listener = null;
        open.forEach(CuttableProxy::closeQuietly);
        open.clear();
    }

    /** Accepts and forwards connections again, on the same port. */
    public synchronized void restore() throws IOException {
        if (listener == null) {
            listener = listen(port);
        }
    }

    @Override
    public void close() {
        cut();
    }

    private ServerSocket listen(int onPort) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true); // rebind the same port at once after a cut
        server.bind(new InetSocketAddress(LOOPBACK, onPort));
        Thread acceptor = new Thread(() -> accept(server), "proxy-accept-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
        return server;
    }

    private void accept(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                open.add(client);
                Socket upstream = new Socket();
                open.add(upstream);
                if (server.isClosed()) { // cut() ran between accept and add
                    closePair(client, upstream);
                    return;
                }
                try {
                    upstream.connect(target, 2_000);
                } catch (IOException e) {
                    closePair(client, upstream);
                    continue;
                }
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                return; // the listener was closed by cut()
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // a cut, or one side hung up: either way the pair is finished
            } finally {
                closePair(from, to);
            }
        }, "proxy-pump-" + from.getPort());
        pump.setDaemon(true);
        pump.start();
    }

    private void closePair(Socket a, Socket b) {
        closeQuietly(a);
        closeQuietly(b);
        open.remove(a);
        open.remove(b);
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            // closing is best effort; the socket is unusable either way
        }
    }
}
