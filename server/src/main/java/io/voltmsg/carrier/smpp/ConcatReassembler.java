package io.voltmsg.carrier.smpp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Joins the parts of concatenated inbound messages, keyed by (source, destination, reference and its
 * 8/16-bit kind). Time is passed in (nanoTime-like), so the class is deterministic under test.
 *
 * <p>A completed or expired group stays until {@link #remove} is called, so the caller removes it only
 * after the message was handed on successfully; if that failed, the next part (or redelivery) or the next
 * expiry pass offers the group again. Duplicate parts are ignored, also when they arrive after their message
 * was handed on (an SMSC re-sending a part whose deliver_sm_resp it missed): a removed group's key is
 * remembered for one timeout period.
 */
final class ConcatReassembler {

    record GroupKey(String from, String to, int reference, boolean sixteenBit) {
    }

    record Part(String from, String to, int reference, boolean sixteenBit, int total, int sequence, String text) {
        GroupKey key() {
            return new GroupKey(from, to, reference, sixteenBit);
        }
    }

    /** @param segments the number of parts actually joined (fewer than announced after a timeout) */
    record Assembled(GroupKey key, String from, String to, String text, int segments, long firstPartNanos) {
    }

    private static final class Group {
        final long firstNanos;
        final int total;
        final TreeMap<Integer, String> parts = new TreeMap<>();
        /** Set while the assembled message is with the listener: parts arriving meanwhile are duplicates. */
        boolean handingOn;

        Group(long firstNanos, int total) {
            this.firstNanos = firstNanos;
            this.total = total;
        }

        Assembled assemble(GroupKey key) {
            return new Assembled(key, key.from(), key.to(), String.join("", parts.values()), parts.size(), firstNanos);
        }
    }

    private final long timeoutNanos;
    private final Map<GroupKey, Group> groups = new ConcurrentHashMap<>();
    private final Map<GroupKey, Long> recentlyDone = new ConcurrentHashMap<>();

    ConcatReassembler(Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
    }

    /** Adds a part; returns the whole message when all parts are present. */
    synchronized Optional<Assembled> accept(Part part, long nowNanos) {
        Long done = recentlyDone.get(part.key());
        if (done != null && !groups.containsKey(part.key())) {
            if (nowNanos - done < timeoutNanos) {
                return Optional.empty(); // a late duplicate of a message already handed on
            }
            recentlyDone.remove(part.key());
        }
        Group group = groups.computeIfAbsent(part.key(), k -> new Group(nowNanos, part.total()));
        group.parts.putIfAbsent(part.sequence(), part.text());
        if (group.handingOn || group.parts.size() < group.total) {
            return Optional.empty();
        }
        // PDUs are handled on several threads: only one of them may hand the message on.
        group.handingOn = true;
        return Optional.of(group.assemble(part.key()));
    }

    /** Groups whose first part is older than the timeout, with the parts received so far, in order. */
    synchronized List<Assembled> expired(long nowNanos) {
        recentlyDone.values().removeIf(done -> nowNanos - done >= timeoutNanos);
        List<Assembled> result = new ArrayList<>();
        for (Iterator<Map.Entry<GroupKey, Group>> it = groups.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<GroupKey, Group> e = it.next();
            if (!e.getValue().handingOn && nowNanos - e.getValue().firstNanos >= timeoutNanos) {
                e.getValue().handingOn = true;
                result.add(e.getValue().assemble(e.getKey()));
            }
        }
        return result;
    }

    /** Forgets a group that was handed on; parts arriving for it within the timeout are duplicates. */
    synchronized void remove(GroupKey key, long nowNanos) {
        groups.remove(key);
        recentlyDone.put(key, nowNanos);
    }

    /** The listener refused an assembled message: keep the group so a redelivered part completes it again. */
    synchronized void release(GroupKey key) {
        Group group = groups.get(key);
        if (group != null) {
            group.handingOn = false;
        }
    }

    synchronized int pending() {
        return groups.size();
    }
}
