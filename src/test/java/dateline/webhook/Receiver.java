package dateline.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;

/** A webhook receiver on a free local port: records what arrives and answers with the statuses it is given, then 200. */
final class Receiver implements AutoCloseable {
    /** One request as it arrived. */
    record Request(Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    private final HttpServer server;
    private final Deque<Integer> answers = new ConcurrentLinkedDeque<>();
    private final List<Request> received = new ArrayList<>();
    private volatile String retryAfter;
    private volatile Runnable beforeAnswer = () -> { };

    Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Map<String, String> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values.get(0)));
            synchronized (received) {
                received.add(new Request(headers, body));
            }
            beforeAnswer.run();
            Integer status = answers.poll();
            if (retryAfter != null) {
                exchange.getResponseHeaders().add("Retry-After", retryAfter);
            }
            exchange.sendResponseHeaders(status == null ? 200 : status, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The next requests get these statuses, in order; later ones get 200. */
    Receiver answering(Integer... statuses) {
        answers.addAll(List.of(statuses));
        return this;
    }

    Receiver withRetryAfter(String seconds) {
        retryAfter = seconds;
        return this;
    }

    /** Runs in the receiver's thread before each answer, while the sender waits for it. */
    Receiver beforeAnswering(Runnable hook) {
        beforeAnswer = hook;
        return this;
    }

    List<Request> received() {
        synchronized (received) {
            return new ArrayList<>(received);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
