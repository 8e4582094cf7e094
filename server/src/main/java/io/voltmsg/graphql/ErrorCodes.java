package io.voltmsg.graphql;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Gives every error an {@code extensions.code}, also those the GraphQL engine raises itself
 * (syntax, validation, query limits), so clients can branch on one field.
 */
@Component
class ErrorCodes implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map(response -> {
            if (response.getErrors().stream().allMatch(ErrorCodes::hasCode)) {
                return response;
            }
            List<GraphQLError> errors = response.getErrors().stream().map(ErrorCodes::withCode).toList();
            return response.transform(builder -> builder.errors(errors));
        });
    }

    private static boolean hasCode(ResponseError error) {
        return error.getExtensions() != null && error.getExtensions().containsKey("code");
    }

    private static GraphQLError withCode(ResponseError error) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        if (error.getExtensions() != null) {
            extensions.putAll(error.getExtensions());
        }
        extensions.putIfAbsent("code", codeFor(error.getErrorType()));
        GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError()
                .message(error.getMessage())
                .errorType(error.getErrorType())
                .extensions(extensions);
        if (error.getLocations() != null && !error.getLocations().isEmpty()) {
            builder.locations(error.getLocations());
        }
        if (error.getParsedPath() != null && !error.getParsedPath().isEmpty()) {
            builder.path(error.getParsedPath());
        }
        return builder.build();
    }

    static String codeFor(ErrorClassification type) {
        String name = type == null ? "" : type.toString();
        return switch (name) {
            case "InvalidSyntax" -> "GRAPHQL_PARSE_FAILED";
            case "ValidationError" -> "GRAPHQL_VALIDATION_FAILED";
            case "ExecutionAborted" -> "QUERY_TOO_COMPLEX";
            case "BAD_REQUEST" -> "BAD_REQUEST";
            case "UNAUTHORIZED" -> "UNAUTHENTICATED";
            case "FORBIDDEN" -> "FORBIDDEN";
            case "NOT_FOUND" -> "NOT_FOUND";
            default -> "INTERNAL";
        };
    }
}
