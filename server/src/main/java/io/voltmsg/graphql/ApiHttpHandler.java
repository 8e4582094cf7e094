package io.voltmsg.graphql;

import io.voltmsg.shared.DatabaseFailures;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Spring's GraphQL HTTP handler, answering HTTP 503 with {@code Retry-After} when the database could not serve a
 * request: when every error is {@code UNAVAILABLE} and no field produced data, nothing was done and the whole request
 * may be sent again. When some fields succeeded the answer stays 200 (retrying everything would repeat them), and
 * the failed fields carry {@code UNAVAILABLE} and {@code retryAfterSeconds}.
 */
final class ApiHttpHandler extends GraphQlHttpHandler {

    ApiHttpHandler(WebGraphQlHandler handler) {
        super(handler);
    }

    @Override
    protected HttpStatus selectResponseStatus(WebGraphQlResponse response, MediaType responseMediaType) {
        List<Object> codes = response.getErrors().stream().map(e -> e.getExtensions().get("code")).toList();
        if (nothingDoneForWantOfTheDatabase(codes, response.getExecutionResult().getData())) {
            response.getResponseHeaders().set(HttpHeaders.RETRY_AFTER,
                    Integer.toString(DatabaseFailures.RETRY_AFTER_SECONDS));
            return HttpStatus.SERVICE_UNAVAILABLE;
        }
        return super.selectResponseStatus(response, responseMediaType);
    }

    /** @param errorCodes the {@code extensions.code} of every error of the response */
    static boolean nothingDoneForWantOfTheDatabase(List<Object> errorCodes, Object data) {
        if (errorCodes.isEmpty() || !errorCodes.stream().allMatch(ApiErrorResolver.UNAVAILABLE::equals)) {
            return false;
        }
        return !(data instanceof Map<?, ?> fields) || fields.values().stream().allMatch(value -> value == null);
    }
}
