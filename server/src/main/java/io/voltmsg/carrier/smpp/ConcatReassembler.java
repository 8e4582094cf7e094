package io.voltmsg.carrier.smpp;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * {@link InboundParts} in memory, for a carrier link used without a database: parts are lost with the process.
 * Parts are handled one at a time (PDUs arrive on several threads), and a message is handed on while the lock is
 * held, so it is handed on once.
 */
final class ConcatReassembler implements InboundParts {

    private record GroupKey(String from, String to, int reference, boolean sixteenBit) {
        static GroupKey of(Part part) {
            return new GroupKey(part.from(), part.to(), part.reference(), part.sixteenBit());
        }
    }

    private static final class Group {
        final Instant firstPartAt;
        final int total;
        final TreeMap<Integer, String> parts = new TreeMap<>();

        Group(Instant firstPartAt, int total) {
            this.firstPartAt = firstPartAt;
            this.total = total;
        }

        Assembled assemble(GroupKey key) {
            return new Assembled(key.from(), key.to(), String.join("", parts.values()), parts.size(), firstPartAt);
        }
    }

    private final Duration timeout;
    private final Map<GroupKey, Group> groups = new HashMap<>();
    /** Messages handed on, remembered for a timeout so that late duplicates of their parts are ignored. */
    private final Map<GroupKey, Instant> handedOn = new HashMap<>();

    ConcatReassembler(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public synchronized void accept(Part part, Instant now, Consumer<Assembled> handOn) {
        GroupKey key = GroupKey.of(part);
        Instant done = handedOn.get(key);
        if (done != null && !groups.containsKey(key)) {
            if (done.plus(timeout).isAfter(now)) {
                return;
            }
            handedOn.remove(key); // the reference is reused by a new message
        }
        Group group = groups.computeIfAbsent(key, k -> new Group(now, part.total()));
        boolean added = group.parts.putIfAbsent(part.sequence(), part.text()) == null;
        if (group.parts.size() < group.total) {
            return;
        }
        try {
            handOn.accept(group.assemble(key));
        } catch (RuntimeException e) {
            if (added) {
                group.parts.remove(part.sequence()); // not kept: the carrier delivers it again
            }
            throw e;
        }
        groups.remove(key);
        handedOn.put(key, now);
    }

    @Override
    public synchronized void expire(Instant now, Consumer<Assembled> handOn) {
        handedOn.values().removeIf(done -> !done.plus(timeout).isAfter(now));
        List<GroupKey> due = new ArrayList<>();
        groups.forEach((key, group) -> {
            if (!group.firstPartAt.plus(timeout).isAfter(now)) {
                due.add(key);
            }
        });
        for (GroupKey key : due) {
            handOn.accept(groups.get(key).assemble(key)); // a failure leaves this and the later ones for next time
            groups.remove(key);
            handedOn.put(key, now);
        }
    }

    synchronized int pending() {
        return groups.size();
    }
}
