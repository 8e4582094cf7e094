package io.voltmsg.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import io.voltmsg.shared.ApiException;
import io.voltmsg.shared.DatabaseAvailability;
import io.voltmsg.shared.DatabaseFailures;
import io.voltmsg.shared.Ids;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/** Turns exceptions from services into GraphQL errors with {@code extensions.code}; never leaks internals. */
@Component
class ApiErrorResolver extends DataFetcherExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorResolver.class);
    /** The code of errors that mean "the database cannot serve now, retry later" (HTTP 503). */
    static final String UNAVAILABLE = "UNAVAILABLE";

    private final DatabaseAvailability database;

    ApiErrorResolver(DatabaseAvailability database) {
        this.database = database;
    }

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (ex instanceof ApiException api) {
            Map<String, Object> extensions = new LinkedHashMap<>();
            extensions.put("code", api.code());
            extensions.putAll(api.extensions());
            return GraphqlErrorBuilder.newError(env).message(api.getMessage()).errorType(errorType(api.code()))
                    .extensions(extensions).build();
        }
        if (DatabaseFailures.isUnavailable(ex)) {
            database.failed();
            log.warn("{} failed, database unavailable: {}", env.getField().getName(), rootMessage(ex));
            return GraphqlErrorBuilder.newError(env).message(DatabaseFailures.MESSAGE)
                    .errorType(ErrorType.INTERNAL_ERROR)
                    .extensions(Map.of("code", UNAVAILABLE, "retryAfterSeconds", DatabaseFailures.RETRY_AFTER_SECONDS))
                    .build();
        }
        String errorId = Ids.newId("err");
        log.error("Unexpected error {} in {}", errorId, env.getField().getName(), ex);
        return GraphqlErrorBuilder.newError(env)
                .message("internal error; quote " + errorId + " when reporting it")
                .errorType(ErrorType.INTERNAL_ERROR)
                .extensions(Map.of("code", "INTERNAL", "errorId", errorId))
                .build();
    }

    private static String rootMessage(Throwable ex) {
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }

    private static ErrorType errorType(String code) {
        return switch (code) {
            case "NOT_FOUND" -> ErrorType.NOT_FOUND;
            case "FORBIDDEN" -> ErrorType.FORBIDDEN;
            case "UNAUTHENTICATED" -> ErrorType.UNAUTHORIZED;
            default -> ErrorType.BAD_REQUEST;
        };
    }
}
