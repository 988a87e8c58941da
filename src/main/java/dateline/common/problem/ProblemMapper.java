package dateline.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.vertx.core.http.HttpClosedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.StaleObjectStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place where exceptions become RFC 9457 responses. */
public class ProblemMapper {

    public static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    /** Long enough not to hammer a recovering database, short enough that clients resume soon after it. */
    private static final int RETRY_AFTER_SECONDS = 5;

    @jakarta.inject.Inject
    AllowedMethods allowed;

    @ServerExceptionMapper
    public RestResponse<Problem> problem(ProblemException e, UriInfo uri) {
        return respond(e.toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public RestResponse<Object> moved(Moved e, UriInfo uri) {
        String query = uri.getRequestUri().getRawQuery();
        return RestResponse.ResponseBuilder.create(RestResponse.Status.MOVED_PERMANENTLY)
                .location(java.net.URI.create(e.relocate(path(uri)) + (query == null ? "" : "?" + query))).build();
    }

    @ServerExceptionMapper
    public RestResponse<Problem> invalid(ConstraintViolationException e, UriInfo uri, ResourceInfo resource) {
        List<Violation> params = new ArrayList<>();
        List<Violation> body = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            ViolationPath path = ViolationPath.of(v, method(resource));
            (path.inBody() ? body : params).add(new Violation(path.field(), path.in(), v.getMessage()));
        }
        if (!params.isEmpty()) {
            ProblemType type = params.stream().anyMatch(p -> p.in().equals("body"))
                    ? ProblemType.BAD_REQUEST : ProblemType.INVALID_PARAMETER;
            return respond(new ProblemException(type, describe(params), params, Map.of()).toProblem(path(uri)));
        }
        return respond(new InvalidContent(sorted(body)).toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        return respond(InvalidContent.from(e).toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> wrongShape(MismatchedInputException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> json(JsonProcessingException e, UriInfo uri) {
        if (e.getCause() instanceof com.fasterxml.jackson.core.JsonParseException parse) {
            return json(parse, uri); // bytes that are not JSON (bad UTF-8, a raw control character) met while binding
        }
        boolean readingBody = e instanceof MismatchedInputException || e instanceof ValueInstantiationException
                || e instanceof com.fasterxml.jackson.core.JsonParseException
                || e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException
                || e instanceof com.fasterxml.jackson.core.io.JsonEOFException;
        if (!readingBody && e instanceof JsonMappingException) {
            return unexpected(e, uri); // failed writing a response: our fault, not the client's
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            // Well-formed JSON with a value of the wrong shape (a string for a list, a word for a date).
            return respond(InvalidContent.from(mapping).toProblem(path(uri)));
        }
        return respond(new ProblemException(ProblemType.MALFORMED_JSON,
                "The request body is not valid JSON" + location(e) + ".").toProblem(path(uri)));
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleObjectStateException.class,
            jakarta.persistence.PessimisticLockException.class, jakarta.persistence.LockTimeoutException.class,
            org.hibernate.PessimisticLockException.class})
    public RestResponse<Problem> concurrentEdit(RuntimeException e, UriInfo uri) {
        return respond(new Conflict(ProblemType.CONFLICT,
                "The resource was changed by another request; fetch it again and retry.").toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> duplicate(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
        // Two writers raced for the same unique value; the loser learns it here instead of getting a 500.
        LOG.debugf("Constraint %s violated on %s", e.getConstraintName(), path(uri));
        return respond(new Conflict(ProblemType.CONFLICT,
                "The request conflicts with a concurrent change (for example the same slug); retry it.").toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> http(WebApplicationException e, UriInfo uri, ResourceInfo resource) {
        int status = e.getResponse().getStatus();
        if (e instanceof NotFoundException && e.getCause() != null) {
            // A parameter that failed conversion, which JAX-RS reports as 404.
            Violation v = ParameterTypes.firstInvalid(method(resource), uri)
                    .orElse(new Violation("(parameter)", "query", "has the wrong type"));
            return respond(new ProblemException(ProblemType.INVALID_PARAMETER, v.field() + ": " + v.message(),
                    List.of(v), Map.of()).toProblem(path(uri)));
        }
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            return json(json, uri);
        }
        ProblemType type = ProblemType.forStatus(status);
        Problem problem = new Problem(type.uri(), type.title(), status, HttpProblems.detail(status, e), path(uri), null);
        RestResponse.ResponseBuilder<Problem> response = RestResponse.ResponseBuilder.<Problem>create(status).entity(problem).type(PROBLEM_JSON);
        String allow = status == 405 ? allowed.allow(path(uri)) : null;
        if (allow != null) {
            response.header(HttpHeaders.ALLOW, allow);
        }
        return response.build();
    }

    @ServerExceptionMapper({io.quarkus.security.UnauthorizedException.class, io.quarkus.security.AuthenticationFailedException.class})
    public RestResponse<Problem> unauthenticated(RuntimeException e, UriInfo uri) {
        // RFC 6750 section 3: a failed token is "invalid_token"; a missing one gets the bare challenge.
        boolean tokenFailed = e instanceof io.quarkus.security.AuthenticationFailedException;
        String detail = tokenFailed ? "The bearer token is unknown, revoked or expired."
                : "This endpoint needs 'Authorization: Bearer <token>'.";
        ProblemType type = ProblemType.UNAUTHORIZED;
        return RestResponse.ResponseBuilder.<Problem>create(401)
                .entity(new Problem(type.uri(), type.title(), 401, detail, path(uri), null)).type(PROBLEM_JSON)
                .header(HttpHeaders.WWW_AUTHENTICATE, tokenFailed ? "Bearer realm=\"dateline\", error=\"invalid_token\"" : "Bearer realm=\"dateline\"")
                .build();
    }

    @ServerExceptionMapper
    public RestResponse<Problem> forbidden(io.quarkus.security.ForbiddenException e, UriInfo uri) {
        return respond(new ProblemException(ProblemType.FORBIDDEN,
                "This token's role does not allow this operation.").toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> tooMany(TooManyRequests e, UriInfo uri) {
        return RestResponse.ResponseBuilder.<Problem>create(429).entity(e.toProblem(path(uri))).type(PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds())
                .header("RateLimit-Limit", e.limit())
                .header("RateLimit-Remaining", 0)
                .header("RateLimit-Reset", e.retryAfterSeconds())
                .build();
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unexpected(Throwable e, UriInfo uri) {
        if (DatabaseOutage.explains(e)) {
            return databaseUnavailable(e, uri);
        }
        if (causedBy(e, HttpClosedException.class) || causedBy(e, java.nio.channels.ClosedChannelException.class)) {
            // The client hung up (or was timed out) before sending its whole request: no one is left to
            // answer and nothing is wrong with the server, so no 500 and no stack in the log.
            LOG.debugf("Client closed the connection during %s", path(uri));
            return respond(new ProblemException(ProblemType.BAD_REQUEST,
                    "The connection closed before the request was complete.").toProblem(path(uri)));
        }
        LOG.errorf(e, "Unhandled failure on %s", path(uri));
        ProblemType type = ProblemType.SERVER_ERROR;
        return respond(new Problem(type.uri(), type.title(), 500,
                "The server failed to answer this request; it has been logged.", path(uri), null));
    }

    /**
     * The database is unreachable or too slow: a temporary condition, so 503 with Retry-After instead of a
     * 500. Logged without the stack: during an outage every request fails the same way, and the cause
     * (refused, timed out, reset) is what an operator needs.
     */
    private static RestResponse<Problem> databaseUnavailable(Throwable e, UriInfo uri) {
        LOG.warnf("Database unavailable on %s: %s", path(uri), rootMessage(e));
        ProblemType type = ProblemType.UNAVAILABLE;
        Problem problem = new Problem(type.uri(), type.title(), type.status(),
                "The database is not answering; retry after the time in Retry-After.", path(uri), null);
        return RestResponse.ResponseBuilder.<Problem>create(type.status()).entity(problem).type(PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (int depth = 0; e != null && depth < 20; e = e.getCause(), depth++) {
            if (type.isInstance(e)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 20; depth++) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    static RestResponse<Problem> respond(Problem problem) {
        return RestResponse.ResponseBuilder.<Problem>create(problem.status).entity(problem).type(PROBLEM_JSON).build();
    }

    /**
     * The method that was matched, as declared: for a method inherited from a generic resource its
     * parameter types are the erased ones, which a lookup by the matched, resolved types would not find.
     */
    private static Method method(ResourceInfo resource) {
        return resource == null ? null : resource.getResourceMethod();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }

    private static String describe(List<Violation> violations) {
        return violations.size() == 1
                ? violations.get(0).field() + ": " + violations.get(0).message()
                : violations.size() + " parameters are invalid.";
    }

    private static List<Violation> sorted(List<Violation> violations) {
        violations.sort((a, b) -> a.field().compareTo(b.field()));
        return violations;
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }
}
