# Varnish 7.x in front of Dateline's public API, purged by Dateline through xkey (docs/operations.md,
# "CDN purges and Varnish"). Dateline is configured with DATELINE_CDN_PURGE=varnish and
# DATELINE_CDN_VARNISH_URLS naming every Varnish; it then sends "PURGE /" with the header
# "xkey-purge: <surrogate keys>" (or "xkey-softpurge" with DATELINE_CDN_SOFT_PURGE=true) after each change.
#
# scripts/varnish.sh rewrites the blocks between BEGIN and END markers (backends, director, purgers);
# edit them by hand elsewhere. Needs the xkey vmod (Debian: varnish-modules).
vcl 4.1;

import directors;
import std;
import xkey;

# BEGIN BACKENDS
backend dateline_1 {
    .host = "127.0.0.1";
    .port = "8080";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    .between_bytes_timeout = 10s;
    .probe = {
        .url = "/q/health/ready";
        .interval = 2s;
        .timeout = 1s;
        .window = 3;
        .threshold = 2;
        .initial = 2;
    }
}
# END BACKENDS

# Who may purge: Dateline's instances (their addresses as Varnish sees them).
acl purgers {
    # BEGIN PURGERS
    "127.0.0.1";
    "::1";
    # END PURGERS
}

sub vcl_init {
    new dateline = directors.round_robin();
    # BEGIN DIRECTOR
    dateline.add_backend(dateline_1);
    # END DIRECTOR
}

sub vcl_recv {
    set req.backend_hint = dateline.backend();

    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (req.http.xkey-softpurge) {
            # Marked stale, not removed: served within grace while a fresh copy is fetched.
            set req.http.x-purged = xkey.softpurge(req.http.xkey-softpurge);
        } else if (req.http.xkey-purge) {
            set req.http.x-purged = xkey.purge(req.http.xkey-purge);
        } else {
            return (synth(400, "An xkey-purge or xkey-softpurge header is required"));
        }
        return (synth(200, "Purged " + req.http.x-purged));
    }

    # Writes, the management API, Quarkus' own endpoints (health, metrics, OpenAPI) and anything a
    # credential or cookie may personalise go straight to Dateline, never stored.
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/api/v1/manage([/?]|$)" || req.url ~ "^/q([/?]|$)") {
        return (pass);
    }
    if (req.http.Authorization || req.http.Cookie) {
        return (pass);
    }
    # A draft preview token (header or query parameter) shows unpublished content to one client: never
    # answered from, nor stored in, the cache (Dateline also answers it "private, no-store").
    if (req.http.Dateline-Preview || req.url ~ "[?&]preview(=|&|$)") {
        return (pass);
    }
    return (hash);
}

sub vcl_backend_response {
    if (bereq.uncacheable) {
        return (deliver);
    }
    # Only what Dateline marks with surrogate keys is kept: a purge can reach it. Errors, the 301 of a
    # renamed slug and the 404 of an article not yet published are not, so a publish shows at once.
    if (beresp.status != 200 || !beresp.http.Surrogate-Key) {
        set beresp.ttl = 0s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    # xkey indexes the "xkey" header; Dateline names its keys in Surrogate-Key (Fastly's header).
    set beresp.http.xkey = beresp.http.Surrogate-Key;
    # The TTL is Cache-Control's max-age (Varnish's default); stale-while-revalidate becomes grace: an
    # expired copy is served while a fresh one is fetched in the background.
    if (beresp.http.Cache-Control ~ "stale-while-revalidate=[0-9]+") {
        set beresp.grace = std.duration(regsub(beresp.http.Cache-Control,
                "^.*stale-while-revalidate=([0-9]+).*$", "\1") + "s", 10s);
    }
    return (deliver);
}

sub vcl_deliver {
    unset resp.http.xkey;
    # Dateline's own X-Cache says whether Dateline's in-memory cache answered; this says whether Varnish did.
    if (obj.uncacheable) {
        set resp.http.X-Varnish-Cache = "PASS";
    } else if (obj.hits > 0) {
        set resp.http.X-Varnish-Cache = "HIT";
    } else {
        set resp.http.X-Varnish-Cache = "MISS";
    }
}

sub vcl_synth {
    if (req.method == "PURGE") {
        set resp.http.Content-Type = "text/plain; charset=utf-8";
        set resp.body = resp.reason + {"
"};
        return (deliver);
    }
}
