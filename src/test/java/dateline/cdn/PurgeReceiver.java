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
