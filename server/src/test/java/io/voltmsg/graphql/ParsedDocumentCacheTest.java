package io.voltmsg.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.language.Document;
import graphql.parser.Parser;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ParsedDocumentCacheTest {

    private final AtomicInteger parses = new AtomicInteger();
    private final Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate = input -> {
        parses.incrementAndGet();
        if (input.getQuery().contains("broken")) {
            return new PreparsedDocumentEntry(GraphqlErrorBuilder.newError().message("broken").build());
        }
        Document document = Parser.parse(input.getQuery());
        return new PreparsedDocumentEntry(document);
    };

    @Test
    void aDocumentSentAgainIsParsedOnceWhateverItsVariables() {
        ParsedDocumentCache cache = new ParsedDocumentCache(10);
        String query = "mutation($w: ID!) { sendTestEvent(webhookId: $w) { id } }";
        PreparsedDocumentEntry first = cache.getDocumentAsync(input(query, "wh_1"), parseAndValidate).join();
        PreparsedDocumentEntry again = cache.getDocumentAsync(input(query, "wh_2"), parseAndValidate).join();
        assertThat(parses).hasValue(1);
        assertThat(again.getDocument()).isSameAs(first.getDocument());
    }

    @Test
    void theSameTextWithAnotherOperationNameIsKeptApart() {
        ParsedDocumentCache cache = new ParsedDocumentCache(10);
        String query = "query a { __typename } query b { __typename }";
        cache.getDocumentAsync(ExecutionInput.newExecutionInput(query).operationName("a").build(), parseAndValidate).join();
        cache.getDocumentAsync(ExecutionInput.newExecutionInput(query).operationName("b").build(), parseAndValidate).join();
        assertThat(parses).hasValue(2);
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void invalidDocumentsAreNotKept() {
        ParsedDocumentCache cache = new ParsedDocumentCache(10);
        PreparsedDocumentEntry entry = cache.getDocumentAsync(input("{ broken", "x"), parseAndValidate).join();
        cache.getDocumentAsync(input("{ broken", "x"), parseAndValidate).join();
        assertThat(entry.hasErrors()).isTrue();
        assertThat(parses).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void longDocumentsAreParsedEachTimeAndNotKept() {
        ParsedDocumentCache cache = new ParsedDocumentCache(10);
        String longQuery = "query { __typename " + "__typename ".repeat(ParsedDocumentCache.MAX_DOCUMENT_LENGTH / 11) + "}";
        cache.getDocumentAsync(input(longQuery, "x"), parseAndValidate).join();
        cache.getDocumentAsync(input(longQuery, "x"), parseAndValidate).join();
        assertThat(parses).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void endlesslyDistinctDocumentsCannotGrowTheCacheBeyondItsCapacity() {
        ParsedDocumentCache cache = new ParsedDocumentCache(3);
        for (int i = 0; i < 100; i++) {
            cache.getDocumentAsync(input("query q" + i + " { __typename }", "x"), parseAndValidate).join();
        }
        assertThat(cache.size()).isEqualTo(3);
        // The most recent ones stay.
        cache.getDocumentAsync(input("query q99 { __typename }", "x"), parseAndValidate).join();
        assertThat(parses).hasValue(100);
    }

    private static ExecutionInput input(String query, String webhookId) {
        return ExecutionInput.newExecutionInput(query).variables(java.util.Map.of("w", webhookId)).build();
    }
}
