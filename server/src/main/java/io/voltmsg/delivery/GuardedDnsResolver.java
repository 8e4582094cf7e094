package io.voltmsg.delivery;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * Resolves endpoint hosts and refuses addresses the policy forbids. It runs when the client
 * connects, so a name that resolved to a public address at registration and to 127.0.0.1 now
 * (DNS rebinding) is still refused. A host with any forbidden address is refused whole.
 */
final class GuardedDnsResolver implements DnsResolver {

    private final AddressPolicy policy;
    private final DnsResolver delegate;

    GuardedDnsResolver(AddressPolicy policy) {
        this(policy, SystemDefaultDnsResolver.INSTANCE);
    }

    GuardedDnsResolver(AddressPolicy policy, DnsResolver delegate) {
        this.policy = policy;
        this.delegate = delegate;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress literal = Cidr.parseLiteral(host);
        InetAddress[] addresses = literal != null ? new InetAddress[] {literal} : delegate.resolve(host);
        if (addresses == null || addresses.length == 0) {
            throw new UnknownHostException(host);
        }
        if (!Arrays.stream(addresses).allMatch(policy::permits)) {
            throw new AddressNotAllowedException(host);
        }
        return addresses;
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        return Arrays.stream(resolve(host)).map(address -> new InetSocketAddress(address, port)).toList();
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return delegate.resolveCanonicalHostname(host);
    }
}
