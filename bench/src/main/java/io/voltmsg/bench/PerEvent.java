package io.voltmsg.bench;

/**
 * What one event cost over the measuring window: the difference of two {@link Usage} readings divided by
 * the events created in the window. CPU in milliseconds; NaN when no event was created.
 */
record PerEvent(long events, double serverCpuMs, double smscCpuMs, double generatorCpuMs, double postgresCpuMs,
                double statements, double commits) {

    static PerEvent between(Usage start, Usage end, long events, long ticksPerSecond) {
        double ticksToMsPerEvent = 1000.0 / ticksPerSecond / events;
        return new PerEvent(events,
                (end.serverTicks() - start.serverTicks()) * ticksToMsPerEvent,
                (end.smscTicks() - start.smscTicks()) * ticksToMsPerEvent,
                (end.generatorTicks() - start.generatorTicks()) * ticksToMsPerEvent,
                (end.postgresTicks() - start.postgresTicks()) * ticksToMsPerEvent,
                (end.statements() - start.statements()) / events,
                (end.commits() - start.commits()) / events);
    }

    /** Events one core could serve at this cost: 1 / server CPU per event, per second. */
    double serverEventsPerCoreSecond() {
        return 1000.0 / serverCpuMs;
    }

    /** The server's CPU per event in RSA-2048 signatures (the one cost a signed event cannot avoid). */
    double serverCpuInSignatures(double rsaSignPerSecond) {
        return serverCpuMs * rsaSignPerSecond / 1000.0;
    }

    /** The same for the server and PostgreSQL together (PostgreSQL's target is stated for the sum). */
    double serverAndPostgresCpuInSignatures(double rsaSignPerSecond) {
        return (serverCpuMs + postgresCpuMs) * rsaSignPerSecond / 1000.0;
    }
}
