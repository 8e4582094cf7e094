package io.voltmsg.delivery;

/** What the address policy says about a URL's host before anything is resolved or connected. */
public final class HostRules {

    private HostRules() {
    }

    /** Null when the host may be registered, else why not (an ambiguous IPv4 literal); never resolves or connects. */
    public static String problemWithHost(String host) {
        return AddressPolicy.ambiguousIpv4(host);
    }
}
