package dateline.cdn;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;

/** A stand-in for a Varnish or the Fastly API on a local port: records every request, answers the statuses it is given, then 200. */
final class PurgeReceiver implements AutoCloseable {
    /** One request as it arrived. */
    record Request(String method, String path, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final HttpServer server;
    private final Deque<Integer> answers = new ConcurrentLinkedDeque<>();
    private final List<Request> received = new ArrayList<>();

    /**
     * A free port kept in a system property: a test profile (which sets Dateline's purge URL) and the test
     * that opens the receiver may be loaded by different class loaders, but see the same property.
     */
    static int portFor(String property) {
        synchronized (System.getProperties()) {
            String port = System.getProperty(property);
            if (port == null) {
                try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
                    port = Integer.toString(socket.getLocalPort());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                System.setProperty(property, port);
            }
            return Integer.parseInt(port);
        }
    }

    PurgeReceiver(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
            synchronized (received) {
                received.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body));
            }
            Integer status = answers.poll();
            exchange.sendResponseHeaders(status == null ? 200 : status, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** The next requests get these statuses, in order; later ones get 200. */
    PurgeReceiver answering(Integer... statuses) {
        answers.addAll(List.of(statuses));
        return this;
    }

    List<Request> received() {
        synchronized (received) {
            return new ArrayList<>(received);
        }
    }

    /** Forgets what arrived and what it was to answer. */
    void reset() {
        synchronized (received) {
            received.clear();
        }
        answers.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
