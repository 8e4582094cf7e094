package io.voltmsg.graphql;

import graphql.GraphQLContext;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.CoercedVariables;
import graphql.execution.instrumentation.Instrumentation;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import io.voltmsg.shared.Times;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;

@Configuration(proxyBeanMethods = false)
class GraphQlConfiguration {

    /** Deeper documents than any real client sends are refused before they cost anything. */
    static final int MAX_QUERY_DEPTH = 15;

    @Bean
    RuntimeWiringConfigurer dateTimeScalar() {
        return wiring -> wiring.scalar(GraphQLScalarType.newScalar()
                .name("DateTime")
                .description("ISO-8601 UTC timestamp with milliseconds")
                .coercing(new DateTimeCoercing())
                .build());
    }

    /** Parsed and validated documents kept for reuse (the distinct operations clients send). */
    static final int PARSED_DOCUMENTS_KEPT = 500;

    @Bean
    GraphQlSourceBuilderCustomizer parsedDocumentCache() {
        ParsedDocumentCache cache = new ParsedDocumentCache(PARSED_DOCUMENTS_KEPT);
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(cache));
    }

    /** Spring's handler, with HTTP 503 when the database could not serve the request (replaces Boot's default). */
    @Bean
    GraphQlHttpHandler graphQlHttpHandler(WebGraphQlHandler webGraphQlHandler) {
        return new ApiHttpHandler(webGraphQlHandler);
    }

    @Bean
    Instrumentation maxQueryDepth() {
        return new MaxQueryDepthInstrumentation(MAX_QUERY_DEPTH);
    }

    @Bean
    Instrumentation queryCost(ApiProperties api) {
        return new QueryCostInstrumentation(api.maxRootFields(), api.maxListItems());
    }

    @Bean
    FilterRegistrationBean<GraphQlRequestGuard> graphQlRequestGuard() {
        FilterRegistrationBean<GraphQlRequestGuard> registration = new FilterRegistrationBean<>(new GraphQlRequestGuard());
        registration.addUrlPatterns("/graphql");
        // After Spring Security (order -100): unauthenticated requests get 401 before their body is read.
        registration.setOrder(0);
        return registration;
    }

    static final class DateTimeCoercing implements Coercing<Instant, String> {

        @Override
        public String serialize(Object value, GraphQLContext context, Locale locale) {
            if (value instanceof Instant instant) {
                return Times.iso(instant);
            }
            throw new CoercingSerializeException("not a timestamp: " + value.getClass().getSimpleName());
        }

        @Override
        public Instant parseValue(Object input, GraphQLContext context, Locale locale) {
            if (input instanceof String text) {
                return parse(text, CoercingParseValueException::new);
            }
            throw new CoercingParseValueException("DateTime must be an ISO-8601 string like 2026-11-28T12:00:00.000Z");
        }

        @Override
        public Instant parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            if (input instanceof StringValue text) {
                return parse(text.getValue(), CoercingParseLiteralException::new);
            }
            throw new CoercingParseLiteralException("DateTime must be an ISO-8601 string like 2026-11-28T12:00:00.000Z");
        }

        private static <E extends RuntimeException> Instant parse(String text, java.util.function.Function<String, E> error) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw error.apply("DateTime must be an ISO-8601 UTC timestamp like 2026-11-28T12:00:00.000Z");
            }
        }
    }
}
