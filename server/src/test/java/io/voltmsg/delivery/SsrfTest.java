package io.voltmsg.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voltmsg.delivery.AddressPolicy.Kind;
import io.voltmsg.testing.TestReceiver;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.DnsResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Server-side request forgery: which addresses webhook requests may reach. Private and metadata
 * addresses are judged through the classifier and the resolver only; the only traffic sent goes
 * to a loopback receiver.
 */
class SsrfTest {

    static final AddressPolicy DEFAULT = AddressPolicy.fromConfig(List.of());
    static final AddressPolicy LOOPBACK_ALLOWED = AddressPolicy.fromConfig(List.of("127.0.0.0/8", "::1/128"));

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            // IPv4
            "8.8.8.8, PUBLIC",
            "1.1.1.1, PUBLIC",
            "93.184.216.34, PUBLIC",
            "172.15.255.255, PUBLIC",
            "172.32.0.1, PUBLIC",
            "100.63.255.255, PUBLIC",
            "100.128.0.1, PUBLIC",
            "0.0.0.0, UNSPECIFIED",
            "0.1.2.3, UNSPECIFIED",
            "127.0.0.1, LOOPBACK",
            "127.255.255.254, LOOPBACK",
            "10.0.0.1, PRIVATE",
            "10.255.255.255, PRIVATE",
            "172.16.0.1, PRIVATE",
            "172.31.255.255, PRIVATE",
            "192.168.1.1, PRIVATE",
            "169.254.1.1, LINK_LOCAL",
            "169.254.169.254, CLOUD_METADATA",
            "169.254.170.2, CLOUD_METADATA",
            "100.100.100.200, CLOUD_METADATA",
            "100.64.0.1, CARRIER_NAT",
            "100.127.255.255, CARRIER_NAT",
            "224.0.0.1, MULTICAST",
            "239.255.255.250, MULTICAST",
            "240.0.0.1, RESERVED",
            "255.255.255.255, RESERVED",
            "192.0.0.8, RESERVED",
            "192.0.2.1, RESERVED",
            "198.18.0.1, RESERVED",
            "198.51.100.7, RESERVED",
            "203.0.113.9, RESERVED",
            "192.88.99.1, TRANSITION",
            // IPv6
            "2606:4700:4700::1111, PUBLIC",
            "2a00:1450:4001::1, PUBLIC",
            "::, UNSPECIFIED",
            "::1, LOOPBACK",
            "fe80::1, LINK_LOCAL",
            "fec0::1, PRIVATE",
            "fc00::1, UNIQUE_LOCAL",
            "fd12:3456::1, UNIQUE_LOCAL",
            "fd00:ec2::254, CLOUD_METADATA",
            "ff02::1, MULTICAST",
            "2001:db8::1, RESERVED",
            "100::1, RESERVED",
            "4000::1, RESERVED",
            "::2, RESERVED",
            "2001::1, TRANSITION",
            "64:ff9b:1::1, TRANSITION",
            // IPv6 forms embedding an IPv4 address are judged by it
            "::ffff:127.0.0.1, LOOPBACK",
            "::ffff:10.0.0.1, PRIVATE",
            "::ffff:169.254.169.254, CLOUD_METADATA",
            "::ffff:100.64.0.1, CARRIER_NAT",
            "::ffff:8.8.8.8, PUBLIC",
            "::127.0.0.1, LOOPBACK",
            "::10.0.0.1, PRIVATE",
            "2002:7f00:1::1, LOOPBACK",
            "2002:c0a8:101::1, PRIVATE",
            "2002:a9fe:a9fe::1, CLOUD_METADATA",
            "2002:808:808::1, PUBLIC",
            "64:ff9b::7f00:1, LOOPBACK",
            "64:ff9b::a9fe:a9fe, CLOUD_METADATA",
            "64:ff9b::a00:1, PRIVATE",
            "64:ff9b::808:808, PUBLIC",
    })
    void classifiesAddresses(String literal, Kind expected) throws Exception {
        InetAddress address = Cidr.parseLiteral(literal);
        assertThat(address).as("literal %s", literal).isNotNull();
        assertThat(AddressPolicy.classify(address)).isEqualTo(expected);
        assertThat(DEFAULT.permits(address)).isEqualTo(expected == Kind.PUBLIC);
        AtomicInteger lookups = new AtomicInteger();
        GuardedDnsResolver resolver = new GuardedDnsResolver(DEFAULT, fakeDns(Map.of(), lookups));
        if (expected == Kind.PUBLIC) {
            assertThat(resolver.resolve(literal)).containsExactly(address);
        } else {
            assertThatThrownBy(() -> resolver.resolve(literal)).isInstanceOf(AddressNotAllowedException.class);
        }
        assertThat(lookups).as("a literal is never looked up").hasValue(0);
    }

    @Test
    void theAllowListOpensOnlyItsBlocksIncludingTheirEmbeddedForms() throws Exception {
        assertThat(LOOPBACK_ALLOWED.permits(InetAddress.getByName("127.0.0.1"))).isTrue();
        assertThat(LOOPBACK_ALLOWED.permits(InetAddress.getByName("127.9.8.7"))).isTrue();
        assertThat(LOOPBACK_ALLOWED.permits(InetAddress.getByName("::1"))).isTrue();
        assertThat(LOOPBACK_ALLOWED.permits(Cidr.parseLiteral("::ffff:127.0.0.1"))).isTrue();
        assertThat(LOOPBACK_ALLOWED.permits(Cidr.parseLiteral("10.0.0.1"))).isFalse();
        assertThat(LOOPBACK_ALLOWED.permits(Cidr.parseLiteral("169.254.169.254"))).isFalse();
        assertThat(LOOPBACK_ALLOWED.permits(Cidr.parseLiteral("8.8.8.8"))).isTrue();
    }

    /** A resolver answering from a table, as a rebinding DNS server would. */
    static DnsResolver fakeDns(Map<String, String[]> table, AtomicInteger lookups) {
        return new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                lookups.incrementAndGet();
                String[] answers = table.get(host);
                if (answers == null) {
                    throw new UnknownHostException(host);
                }
                return Arrays.stream(answers).map(Cidr::parseLiteral).toArray(InetAddress[]::new);
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
    }

    @Test
    void theResolverRefusesNamesThatResolveToForbiddenAddressesEvenOnce() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        GuardedDnsResolver resolver = new GuardedDnsResolver(DEFAULT, fakeDns(Map.of(
                "public.example", new String[] {"93.184.216.34"},
                "rebound.example", new String[] {"127.0.0.1"},
                "metadata.example", new String[] {"169.254.169.254"},
                "mixed.example", new String[] {"93.184.216.34", "10.0.0.7"},
                "mapped.example", new String[] {"::ffff:192.168.0.1"},
                "nat64.example", new String[] {"64:ff9b::a9fe:a9fe"}), lookups));
        assertThat(resolver.resolve("public.example")).hasSize(1);
        assertThat(resolver.resolve("public.example", 443)).hasSize(1);
        for (String host : List.of("rebound.example", "metadata.example", "mixed.example", "mapped.example", "nat64.example")) {
            assertThatThrownBy(() -> resolver.resolve(host)).as(host).isInstanceOf(AddressNotAllowedException.class);
            assertThatThrownBy(() -> resolver.resolve(host, 80)).as(host).isInstanceOf(AddressNotAllowedException.class);
        }
        assertThatThrownBy(() -> resolver.resolve("nowhere.example")).isInstanceOf(UnknownHostException.class)
                .isNotInstanceOf(AddressNotAllowedException.class);
        assertThat(WebhookHttpClient.describe(new AddressNotAllowedException("x"))).isEqualTo("address not allowed");
        assertThat(WebhookHttpClient.describe(new UnknownHostException("x"))).isEqualTo("dns failure");
    }

    @Test
    void localhostResolvesToLoopbackAndIsRefusedUnlessAllowed() throws Exception {
        GuardedDnsResolver strict = new GuardedDnsResolver(DEFAULT);
        assertThatThrownBy(() -> strict.resolve("localhost")).isInstanceOf(AddressNotAllowedException.class);
        GuardedDnsResolver allowing = new GuardedDnsResolver(LOOPBACK_ALLOWED);
        assertThat(allowing.resolve("localhost")).allMatch(InetAddress::isLoopbackAddress);
    }

    @Test
    void aClientWithoutAnAllowListSendsNothingToLoopback() {
        try (TestReceiver receiver = new TestReceiver();
             WebhookHttpClient strict = new WebhookHttpClient(DEFAULT, Duration.ofSeconds(5), "voltmsg/test");
             WebhookHttpClient allowing = new WebhookHttpClient(LOOPBACK_ALLOWED, Duration.ofSeconds(5), "voltmsg/test")) {
            byte[] body = "{}".getBytes();
            for (String url : List.of("http://localhost:" + receiver.port() + "/hook", receiver.url(),
                    "http://[::ffff:127.0.0.1]:" + receiver.port() + "/hook", "http://[::1]:" + receiver.port() + "/hook",
                    "http://127.1.2.3:" + receiver.port() + "/hook")) {
                SendOutcome outcome = strict.post(URI.create(url), Map.of(), body, Duration.ofSeconds(2)).join();
                assertThat(outcome.isSuccess()).as(url).isFalse();
                assertThat(outcome.reason()).as(url).isEqualTo("address not allowed");
            }
            assertThat(receiver.received()).isEmpty();

            SendOutcome allowed = allowing.post(URI.create("http://localhost:" + receiver.port() + "/hook"),
                    Map.of("webhook-id", "evt_1"), body, Duration.ofSeconds(2)).join();
            assertThat(allowed.statusCode()).isEqualTo(200);
            assertThat(receiver.received()).hasSize(1);
            assertThat(receiver.received().get(0).header("user-agent")).isEqualTo("voltmsg/test");
            assertThat(receiver.received().get(0).header("content-type")).isEqualTo("application/json");
        }
    }

    @Test
    void redirectsAreNotFollowed() {
        try (TestReceiver receiver = new TestReceiver();
             WebhookHttpClient client = new WebhookHttpClient(LOOPBACK_ALLOWED, Duration.ofSeconds(5), "voltmsg/test")) {
            receiver.answering(r -> new TestReceiver.Reply(302, Map.of("Location", receiver.url("/elsewhere")), Duration.ZERO));
            SendOutcome outcome = client.post(URI.create(receiver.url()), Map.of(), "{}".getBytes(), Duration.ofSeconds(2)).join();
            assertThat(outcome.statusCode()).isEqualTo(302);
            assertThat(outcome.isSuccess()).isFalse();
            assertThat(receiver.received()).extracting(TestReceiver.Received::path).containsExactly("/hook");
        }
    }
}
