package io.voltmsg.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hosts that other software reads as a different IPv4 address than Java does: refused as text, never resolved. */
class AmbiguousIpv4Test {

    @ParameterizedTest
    @ValueSource(strings = {
            "0177.0.0.1",       // octal 0177 = 127 to curl and browsers, 177 to Java
            "127.0.0.01",       // leading zero in the last part
            "010.0.0.1",        // octal 010 = 8
            "00.0.0.0",
            "127.000.000.001",
            "0x7f.0.0.1",       // hex part
            "0X7F.0.0.1",
            "0x7f000001",       // a bare hex integer
            "2130706433",       // a bare decimal integer = 127.0.0.1
            "017700000001",     // a bare octal integer
            "127.1",            // fewer than four parts
            "127.0.1",
            "10.1",
            "1.2.3.4.5",        // more than four parts
            "256.1.1.1",        // out of range
            "1.2.3.999",
            "127.0.0.1.",       // trailing dot
            "0x",
            "example.com.1",    // a name whose last label is a number is an IPv4 attempt to a URL parser
            "foo.0x10",
    })
    void refusesAmbiguousIpv4Literals(String host) {
        assertThat(AddressPolicy.ambiguousIpv4(host)).as(host).isNotNull().contains(host).contains("four decimal numbers");
        assertThat(HostRules.problemWithHost(host)).isEqualTo(AddressPolicy.ambiguousIpv4(host));
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "0.0.0.0", "203.0.113.7", "255.255.255.255", "10.0.0.1", "1.2.3.4",
            "example.com", "hooks.example.com.", "cafe.be", "1e100.net", "a1.b2", "0x.example", "xn--bcher-kva.example",
            "[::1]", "[2001:db8::1]", "[::ffff:127.0.0.1]", "localhost", "123abc"})
    void leavesNamesCanonicalIpv4AndIpv6ToTheAddressCheck(String host) {
        assertThat(AddressPolicy.ambiguousIpv4(host)).as(host).isNull();
    }
}
