package dateline.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A bearer token taken from the Authorization header, to be checked by {@link ApiTokenIdentityProvider}. */
final class BearerTokenRequest extends BaseAuthenticationRequest {
    private final String token;

    BearerTokenRequest(String token) {
        this.token = token;
    }

    String token() {
        return token;
    }
}
