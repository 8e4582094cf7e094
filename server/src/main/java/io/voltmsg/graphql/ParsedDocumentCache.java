package io.voltmsg.graphql;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import java.util.LinkedHashMap;
import java.util.Map;
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

    private final Map<Key, PreparsedDocumentEntry> entries;

    ParsedDocumentCache(int capacity) {
        this.entries = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, PreparsedDocumentEntry> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
            ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        String document = input.getQuery();
        if (document == null || document.length() > MAX_DOCUMENT_LENGTH) {
            return CompletableFuture.completedFuture(parseAndValidate.apply(input));
        }
        Key key = new Key(document, input.getOperationName());
        PreparsedDocumentEntry entry;
        synchronized (entries) {
            entry = entries.get(key);
        }
        if (entry == null) {
            entry = parseAndValidate.apply(input);
            if (!entry.hasErrors()) {
                synchronized (entries) {
                    entries.put(key, entry);
                }
            }
        }
        return CompletableFuture.completedFuture(entry);
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
