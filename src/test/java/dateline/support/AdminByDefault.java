package dateline.support;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Every request of the suite acts as the configured test admin unless it sends its own Authorization
 * header, so tests about content need not repeat credentials. Tests about access send their own token,
 * or none at all with {@link Tokens#anonymous()}.
 */
public class AdminByDefault implements QuarkusTestBeforeEachCallback, Filter {
    public static final String ADMIN_TOKEN = "test-admin-token";

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (RestAssured.filters().stream().noneMatch(AdminByDefault.class::isInstance)) {
            RestAssured.filters(new AdminByDefault());
        }
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext next) {
        if (!request.getHeaders().hasHeaderWithName("Authorization")) {
            request.header("Authorization", "Bearer " + ADMIN_TOKEN);
        }
        return next.next(request, response);
    }
}
