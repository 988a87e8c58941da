package dateline.webhook;

import dateline.config.DatelineConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keeps webhooks from reaching into the network Dateline runs in (SSRF): a target whose host resolves to
 * a loopback, private, link-local (cloud metadata), carrier-grade NAT, unique-local, unspecified or
 * multicast address is refused, when the webhook is saved and again before each send, since DNS answers
 * can change. Java normalises IPv4-mapped IPv6 ({@code ::ffff:127.0.0.1}) and single-number IPv4
 * ({@code 2130706433}) to the IPv4 address, so those spellings are caught too. Hosts on the configured
 * allow-list, as written in the URL, are exempt.
 */
@ApplicationScoped
public class WebhookTargets {
    private final Set<String> allowedHosts;

    WebhookTargets(DatelineConfig config) {
        this.allowedHosts = config.webhooks().allowedHosts().orElse(List.of()).stream()
                .map(h -> h.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    /** Why Dateline will not send to this URL, or empty when it may. */
    Optional<String> refusal(URI url) {
        String host = url.getHost();
        if (host == null) {
            return Optional.of("has no host");
        }
        if (allowedHosts.contains(host.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        if (isAmbiguousIpv4(host)) {
            // 0177.0.0.1 or 0x7f.1: octal and hex parts that other tools read as 127.0.0.1 (Java reads
            // them as decimal), so what a reviewer sees and where a request would go can differ.
            return Optional.of("spells an IPv4 address with octal or hexadecimal parts");
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (isInternal(address)) {
                    return Optional.of("resolves to an internal address (" + address.getHostAddress() + ")");
                }
            }
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.of("does not resolve");
        }
    }

    /** A numeric host with a part written in octal (leading 0) or hexadecimal (0x). */
    static boolean isAmbiguousIpv4(String host) {
        if (!host.matches("(?i)[0-9a-fx.]+")) {
            return false;
        }
        for (String part : host.split("\\.")) {
            String p = part.toLowerCase(Locale.ROOT);
            if (p.startsWith("0x") || (p.length() > 1 && p.startsWith("0"))) {
                return true;
            }
        }
        return false;
    }

    static boolean isInternal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc; // fc00::/7, unique local
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first == 0 || (first == 100 && second >= 64 && second < 128) // 0.0.0.0/8, 100.64.0.0/10 (CGNAT)
                || (first == 198 && (second == 18 || second == 19)) || first >= 240; // benchmarking, reserved
    }
}
