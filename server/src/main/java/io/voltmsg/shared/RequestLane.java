package io.voltmsg.shared;

import java.time.Duration;
import java.util.function.Predicate;

/**
 * A share of the web server's request threads for one front door: at most {@code permits} of its
 * requests are worked on at once; more wait their turn (first come, first served) without holding a
 * thread, and one that waited {@code maxWait} is answered 503. Each front door declares its lane as a
 * bean, so the API, the portal and its live updates never take each other's threads.
 *
 * @param paths        which request paths (without the context path) belong to the lane
 * @param busyType     the content type of the 503 answer
 * @param busyBody     its body
 */
public record RequestLane(String name, int permits, Predicate<String> paths, Duration maxWait, String busyType,
                          String busyBody) {

    public RequestLane {
        if (permits < 1) {
            throw new IllegalArgumentException("a request lane needs at least one permit: " + name);
        }
    }

    /** Two per CPU core and at least 4, unless configured (a positive number). */
    public static int permits(int configured, int cores) {
        return configured > 0 ? configured : Math.max(4, 2 * cores);
    }
}
