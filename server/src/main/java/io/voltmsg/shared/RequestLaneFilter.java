package io.voltmsg.shared;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps each {@link RequestLane} to its permits. A request over the limit is parked as an asynchronous
 * request (its thread goes back to the pool) and re-dispatched, in arrival order, when a permit frees;
 * so waiting requests of one lane never hold the threads another lane needs. Runs after the security
 * filters, which checked the request (CSRF included) before it waits.
 */
final class RequestLaneFilter implements Filter {

    /** The lane whose permit this request holds (set for every later dispatch of it). */
    static final String HELD = RequestLaneFilter.class.getName() + ".held";
    /** Set on a parked request when it is handed a freed permit, just before its re-dispatch. */
    static final String HANDED = RequestLaneFilter.class.getName() + ".handed";

    /** One lane's state: permits in use and the parked requests, oldest first. */
    static final class Lane {
        final RequestLane definition;
        private int active;
        private final ArrayDeque<AsyncContext> waiting = new ArrayDeque<>();

        Lane(RequestLane definition) {
            this.definition = definition;
        }

        /** Takes a permit (true), or parks the request behind those already waiting (false). */
        synchronized boolean enterOrPark(HttpServletRequest request) {
            if (active < definition.permits() && waiting.isEmpty()) {
                active++;
                return true;
            }
            AsyncContext parked = request.startAsync();
            parked.setTimeout(definition.maxWait().toMillis());
            parked.addListener(new Expiry(this, parked));
            waiting.add(parked);
            return false;
        }

        /** Gives the permit to the oldest parked request, or back to the lane. */
        void leave() {
            AsyncContext next;
            synchronized (this) {
                next = waiting.poll();
                if (next == null) {
                    active--;
                }
            }
            if (next != null) {
                next.getRequest().setAttribute(HANDED, this);
                next.dispatch();
            }
        }

        synchronized boolean unpark(AsyncContext context) {
            return waiting.remove(context);
        }

        synchronized int active() {
            return active;
        }

        synchronized int waiting() {
            return waiting.size();
        }
    }

    private final List<Lane> lanes;

    RequestLaneFilter(List<RequestLane> lanes) {
        this.lanes = lanes.stream().map(Lane::new).toList();
    }

    List<Lane> lanes() {
        return lanes;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        if (request.getAttribute(HELD) != null) {
            chain.doFilter(req, res); // a later dispatch of a request that already holds its permit
            return;
        }
        Lane handed = (Lane) request.getAttribute(HANDED);
        if (handed != null) {
            request.removeAttribute(HANDED);
            run(request, res, chain, handed);
            return;
        }
        Lane lane = laneOf(request);
        if (lane == null) {
            chain.doFilter(req, res);
        } else if (lane.enterOrPark(request)) {
            run(request, res, chain, lane);
        }
    }

    private Lane laneOf(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (Lane lane : lanes) {
            if (lane.definition.paths().test(path)) {
                return lane;
            }
        }
        return null;
    }

    /** Works on the request with its permit; the permit is given back when the response is complete. */
    private static void run(HttpServletRequest request, ServletResponse response, FilterChain chain, Lane lane)
            throws IOException, ServletException {
        request.setAttribute(HELD, lane);
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                lane.leave();
            }
        };
        boolean asynchronous = false;
        try {
            chain.doFilter(request, response);
            asynchronous = request.isAsyncStarted();
        } finally {
            if (asynchronous) {
                request.getAsyncContext().addListener(new Completion(release));
            } else {
                release.run();
            }
        }
    }

    /** Releases a permit once an asynchronous response is over, whichever way it ended. */
    private record Completion(Runnable release) implements AsyncListener {
        @Override
        public void onComplete(AsyncEvent event) {
            release.run();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            release.run();
        }

        @Override
        public void onError(AsyncEvent event) {
            release.run();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            event.getAsyncContext().addListener(this);
        }
    }

    /** A parked request that waited too long is answered 503 (if it was not handed a permit meanwhile). */
    private record Expiry(Lane lane, AsyncContext context) implements AsyncListener {
        @Override
        public void onTimeout(AsyncEvent event) throws IOException {
            if (lane.unpark(context)) {
                HttpServletResponse response = (HttpServletResponse) context.getResponse();
                response.setStatus(503);
                response.setHeader("Retry-After", "1");
                response.setContentType(lane.definition.busyType());
                response.getOutputStream().write(lane.definition.busyBody().getBytes(StandardCharsets.UTF_8));
                context.complete();
            }
        }

        @Override
        public void onError(AsyncEvent event) {
            lane.unpark(context);
        }

        @Override
        public void onComplete(AsyncEvent event) {
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
        }
    }
}
