package dateline.common.problem;

import jakarta.ws.rs.WebApplicationException;

/** Human-readable details for the HTTP-level failures the framework raises. */
final class HttpProblems {
    private HttpProblems() {
    }

    static String detail(int status, WebApplicationException e) {
        return switch (status) {
            case 404 -> "No resource exists at this path.";
            case 405 -> "This method is not supported on this path; see the Allow header.";
            case 406 -> "None of the media types in the Accept header can be produced here.";
            case 413 -> "The request body is larger than this endpoint accepts.";
            case 415 -> "This endpoint does not accept the request's Content-Type.";
            case 400 -> "The request could not be understood.";
            default -> e.getResponse().getStatusInfo().getReasonPhrase();
        };
    }
}
