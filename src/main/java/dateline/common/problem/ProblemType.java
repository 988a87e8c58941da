package dateline.common.problem;

/**
 * The problem types Dateline answers with. Plain HTTP failures (unknown route, wrong method) use
 * {@code about:blank} as RFC 9457 section 4.2.1 recommends; domain problems get their own URN so clients
 * can branch on them.
 */
public enum ProblemType {
    BAD_REQUEST(400, "Bad request", "bad-request"),
    MALFORMED_JSON(400, "Malformed JSON", "malformed-json"),
    INVALID_PARAMETER(400, "Invalid parameter", "invalid-parameter"),
    INVALID_CURSOR(400, "Invalid cursor", "invalid-cursor"),
    SYNC_TOKEN_EXPIRED(400, "Sync token expired", "sync-token-expired"),
    NOT_FOUND(404, "Not found", "not-found"),
    ROUTE_NOT_FOUND(404, "Not Found", null),
    METHOD_NOT_ALLOWED(405, "Method Not Allowed", null),
    NOT_ACCEPTABLE(406, "Not Acceptable", null),
    CONFLICT(409, "Conflict", "conflict"),
    SLUG_TAKEN(409, "Slug already in use", "slug-taken"),
    IN_USE(409, "Still in use", "in-use"),
    TRANSLATION_EXISTS(409, "Translation already exists", "translation-exists"),
    ILLEGAL_TRANSITION(409, "Illegal state transition", "illegal-transition"),
    GONE(410, "Gone", "gone"),
    STALE_VERSION(412, "Precondition Failed", "stale-version"),
    PAYLOAD_TOO_LARGE(413, "Content Too Large", null),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported Media Type", null),
    UNSUPPORTED_IMAGE(415, "Unsupported image", "unsupported-image"),
    INVALID_CONTENT(422, "Invalid content", "invalid-content"),
    INVALID_IMAGE(422, "Invalid image", "invalid-image"),
    IMAGE_TOO_LARGE(422, "Image too large", "image-too-large"),
    IF_MATCH_REQUIRED(428, "Precondition Required", "if-match-required"),
    UNAUTHORIZED(401, "Unauthorized", "unauthorized"),
    FORBIDDEN(403, "Forbidden", "forbidden"),
    TOO_MANY_REQUESTS(429, "Too Many Requests", "rate-limited"),
    SERVER_ERROR(500, "Internal Server Error", null),
    UNAVAILABLE(503, "Service Unavailable", null);

    private final int status;
    private final String title;
    private final String name;

    ProblemType(int status, String title, String name) {
        this.status = status;
        this.title = title;
        this.name = name;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String uri() {
        return name == null ? "about:blank" : "urn:dateline:problem:" + name;
    }

    static ProblemType forStatus(int status) {
        for (ProblemType t : values()) {
            if (t.status == status && t.name == null) {
                return t;
            }
        }
        return status >= 500 ? SERVER_ERROR : BAD_REQUEST;
    }
}
