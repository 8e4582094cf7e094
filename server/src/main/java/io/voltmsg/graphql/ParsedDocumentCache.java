package io.voltmsg.graphql;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import io.voltmsg.shared.BoundedCache;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Keeps the parsed and validated form of documents clients send again and again (an
 * integration sends the same {@code createMessage} text with new variables each time), so
 * each is parsed and validated once. Only valid documents are kept, and only short ones, in a
 * bounded least-recently-used map: clients sending endless distinct documents cost what they
 * cost without the cache, and cannot make it grow.
 */
final class ParsedDocumentCache implements PreparsedDocumentProvider {

    /** Longer documents than any usual operation are parsed every time rather than kept. */
    static final int MAX_DOCUMENT_LENGTH = 8 * 1024;

    private record Key(String document, String operationName) {
    }

    private final BoundedCache<Key, PreparsedDocumentEntry> entries;

    ParsedDocumentCache(int capacity) {
        this.entries = new BoundedCache<>(capacity);
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
            ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        String document = input.getQuery();
        if (document == null || document.length() > MAX_DOCUMENT_LENGTH) {
            return CompletableFuture.completedFuture(parseAndValidate.apply(input));
        }
        return CompletableFuture.completedFuture(entries.get(new Key(document, input.getOperationName()),
                key -> parseAndValidate.apply(input), entry -> !entry.hasErrors()));
    }

    int size() {
        return entries.size();
    }
}
