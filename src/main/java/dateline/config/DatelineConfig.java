package dateline.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Dateline's own settings, under the {@code dateline.} prefix. */
@ConfigMapping(prefix = "dateline")
public interface DatelineConfig {

    /** Absolute base URL readers reach Dateline at; links in feeds and ninjs are built from it. */
    @WithDefault("http://localhost:8080")
    String publicBaseUrl();

    /** Largest request body accepted anywhere but the streamed import (which quarkus.http.limits.max-body-size bounds). */
    @WithDefault("1M")
    io.quarkus.runtime.configuration.MemorySize maxBodySize();

    /** Requests worked on at once; beyond it new ones are answered 503 at once (load shedding). */
    @WithDefault("64")
    int maxInFlight();

    /** The media library: uploads, stored originals and renditions. */
    Media media();

    interface Media {
        /** Where originals and renditions are kept (back it up with the database). */
        @WithDefault("./data/media")
        String dir();

        /** Largest image upload accepted. */
        @WithDefault("20M")
        io.quarkus.runtime.configuration.MemorySize maxUploadSize();

        /** Most pixels (width × height, read from the header before decoding) an upload may have. */
        @WithDefault("60000000")
        long maxPixels();

        /** Longest side, in pixels, an upload may have. */
        @WithDefault("20000")
        int maxSide();

        /** The rendition widths served, smallest first; any other width is refused with 400. */
        @WithDefault("320,640,960,1280,1920")
        java.util.List<Integer> widths();

        /** The aspect ratios renditions may be cropped to (width:height), around the item's focal point. */
        @WithDefault("16:9,4:3,3:2,1:1")
        java.util.List<String> ratios();

        /** Renditions made at once; each holds a decoded image in memory, so this bounds memory too. */
        @WithDefault("2")
        int renderers();
    }

    /** Demo content loaded into an empty database. */
    Demo demo();

    /** The languages articles are written in. */
    Locales locales();

    interface Locales {
        /**
         * The BCP 47 tags an article may have (comma-separated, any spelling: pt-br is pt-BR); unset, any
         * well-formed tag is allowed.
         */
        java.util.Optional<java.util.List<String>> allowed();

        /** The locale of an article written without one, and the language of sections' and tags' own names. */
        @io.smallrye.config.WithName("default")
        @WithDefault("en")
        String defaultLocale();
    }

    /** Cursor signing. */
    Cursor cursor();

    /** HTTP caching of public responses. */
    Cache cache();

    /** Background jobs. */
    Scheduler scheduler();

    interface Scheduler {
        /** How often scheduled articles that are due get marked PUBLISHED ("off" disables the job). */
        @WithDefault("15s")
        String every();

        /** How often the trash drops articles past their retention ("off" disables the job). */
        @WithDefault("1h")
        String trashEvery();
    }

    /** The trash. */
    Trash trash();

    /** Bulk import. */
    @io.smallrye.config.WithName("import")
    Import importer();

    interface Import {
        /**
         * Chunks of an import written at once, each in its own transaction on its own connection. One
         * writer leaves the database idle while Java prepares the next chunk, and the reverse.
         */
        @WithDefault("2")
        int writers();
    }

    interface Trash {
        /** How long a trashed article stays restorable before it and its revisions are deleted for good. */
        @WithDefault("30D")
        java.time.Duration retention();
    }

    interface Cache {
        /** Keep rendered public responses in memory until content changes. */
        @WithDefault("true")
        boolean enabled();

        /** Memory the response cache may use, in bytes; when unset, a quarter of the maximum heap. */
        java.util.Optional<Long> maxBytes();

        /** Cache-Control max-age for public responses, in seconds. */
        @WithDefault("60")
        int maxAge();

        /** Cache-Control stale-while-revalidate for public responses, in seconds. */
        @WithDefault("30")
        int staleWhileRevalidate();
    }

    interface Demo {
        /** Load the seed page on first start against an empty database. */
        @WithDefault("true")
        boolean enabled();
    }

    /** Outgoing webhooks. */
    Webhooks webhooks();

    interface Webhooks {
        /** How often the dispatcher sends due deliveries ("off" disables it). */
        @WithDefault("5s")
        String every();

        /** Connect and response timeout of one attempt. */
        @WithDefault("10s")
        java.time.Duration timeout();

        /** Delay before the first retry; each further retry waits twice as long. */
        @WithDefault("10s")
        java.time.Duration firstRetry();

        /** Longest wait between two attempts. */
        @WithDefault("1h")
        java.time.Duration maxRetryDelay();

        /** How long after the event a delivery keeps being retried before it is marked FAILED. */
        @WithDefault("24h")
        java.time.Duration retryWindow();

        /** Hosts (as written in webhook URLs) exempt from the internal-address guard: tests, private deployments. */
        java.util.Optional<java.util.List<String>> allowedHosts();
    }

    /** Purges of a CDN or Varnish in front of the public API, sent from an outbox when delivery changes. */
    Cdn cdn();

    interface Cdn {
        /** Which cache to purge: none, varnish (xkey) or fastly (surrogate keys). */
        enum Purge { NONE, VARNISH, FASTLY }

        /** Which cache to purge; none writes no purges at all. */
        @WithDefault("none")
        Purge purge();

        /** With purge=varnish: the URL of every Varnish, each sent its own PURGE (e.g. http://127.0.0.1:6081/). */
        java.util.Optional<java.util.List<String>> varnishUrls();

        /** With purge=fastly: the service whose surrogate keys are purged. */
        java.util.Optional<String> serviceId();

        /** With purge=fastly: an API token allowed to purge the service (sent as Fastly-Key). */
        java.util.Optional<String> apiToken();

        /** With purge=fastly: the API's base URL (another one only for tests). */
        @WithDefault("https://api.fastly.com")
        String apiUrl();

        /** Mark content stale instead of removing it: the cache may serve it while it fetches anew (Fastly-Soft-Purge, xkey softpurge). */
        @WithDefault("false")
        boolean softPurge();

        /** How often the dispatcher sends due purges ("off" disables it). */
        @WithDefault("1s")
        String every();

        /** Connect and response timeout of one purge request. */
        @WithDefault("5s")
        java.time.Duration timeout();

        /** Delay before the first retry; each further retry waits twice as long. */
        @WithDefault("1s")
        java.time.Duration firstRetry();

        /** Longest wait between two attempts. */
        @WithDefault("5m")
        java.time.Duration maxRetryDelay();

        /** How long a purge keeps being retried before it is given up on (logged and counted). */
        @WithDefault("24h")
        java.time.Duration retryWindow();
    }

    /** Request budgets; a request over budget gets 429 with Retry-After. */
    RateLimit rateLimit();

    interface RateLimit {
        /** Management requests a minute per token (by its name); 0 disables the limit. */
        @WithDefault("600")
        long managePerMinute();

        /** Delivery requests a minute per client address that reach the API (cached answers are not counted); 0 disables. */
        @WithDefault("1200")
        long deliveryPerMinute();
    }

    /** Access to the management API. */
    Security security();

    interface Security {
        /**
         * Hex SHA-256 of the first admin's bearer token (printf %s "$TOKEN" | sha256sum). That token is
         * ADMIN under the name "admin" and can create the other tokens; absent, only stored tokens work.
         */
        java.util.Optional<String> adminTokenHash();
    }

    /** The sync API. */
    Sync sync();

    interface Sync {
        /** How long the change log remembers articles deleted for good; sync tokens older than that must start over. */
        @WithDefault("30D")
        java.time.Duration retention();

        /** How often forgotten deletions are dropped ("off" disables the job). */
        @WithDefault("1h")
        String every();
    }

    /** Several instances on one PostgreSQL database. */
    Cluster cluster();

    interface Cluster {
        /** Name of this instance in PostgreSQL's pg_stat_activity, logs and metrics; the host name when unset. */
        java.util.Optional<String> instanceName();

        /** How often the listening connection proves it is alive (and that every change before has arrived). */
        @WithDefault("100ms")
        java.time.Duration heartbeat();

        /**
         * How long after its last proof of hearing every other instance this instance keeps serving cached
         * responses: the longest a silently lost listener can leave a change unseen.
         */
        @WithDefault("500ms")
        java.time.Duration lease();

        /** Longest wait between two attempts to listen again after the connection was lost. */
        @WithDefault("30s")
        java.time.Duration maxReconnectDelay();
    }

    /** Draft preview tokens. */
    Preview preview();

    interface Preview {
        /** How long a preview token works after it is issued. */
        @WithDefault("1h")
        java.time.Duration ttl();

        /**
         * The front-end's preview address, with {token} and {slug} replaced in it, answered with each
         * article preview token; unset, answers carry no URL.
         */
        java.util.Optional<String> urlTemplate();
    }

    interface Cursor {
        /** HMAC key that makes cursors tamper-evident; unset, a random key kept in the database is shared by every instance. */
        java.util.Optional<String> secret();
    }
}
