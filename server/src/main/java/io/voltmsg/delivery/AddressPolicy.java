package io.voltmsg.delivery;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Decides whether a webhook request may connect to an address: only to public unicast
 * addresses, unless an operator allowed a block explicitly. IPv6 forms that embed an IPv4
 * address (mapped, compatible, 6to4, NAT64) are judged by the address they embed.
 */
final class AddressPolicy {

    /** Why an address is refused; {@code PUBLIC} is the only kind allowed by default. */
    enum Kind {
        PUBLIC, LOOPBACK, PRIVATE, LINK_LOCAL, CLOUD_METADATA, CARRIER_NAT, UNIQUE_LOCAL, MULTICAST, UNSPECIFIED,
        RESERVED, TRANSITION
    }

    private final List<Cidr> allowed;

    AddressPolicy(List<Cidr> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    static AddressPolicy fromConfig(List<String> allowedNetworks) {
        return new AddressPolicy(allowedNetworks.stream().filter(s -> !s.isBlank()).map(Cidr::parse).toList());
    }

    /**
     * Null when {@code host} is a name or a canonical dotted-quad IPv4 address (four decimal numbers 0-255 without
     * leading zeros); else why it is refused. URL parsers (WHATWG: browsers, curl) read a host whose last label is a
     * number as IPv4, and they disagree with Java on the other forms: {@code 0177.0.0.1} is 127.0.0.1 to curl and
     * 177.0.0.1 to Java. Leading zeros, octal, hex, a bare integer and fewer than four parts are all refused, so the
     * address checked is the address every reader sees. IPv6 literals (in brackets) are not judged here.
     */
    static String ambiguousIpv4(String host) {
        if (host == null || host.isEmpty() || host.startsWith("[")) {
            return null;
        }
        String[] labels = host.split("\\.", -1);
        String last = labels[labels.length - 1];
        if (last.isEmpty() && labels.length > 1) {
            last = labels[labels.length - 2];
        }
        boolean numericLast = last.matches("[0-9]+") || last.matches("(?i)0x[0-9a-f]*");
        if (!numericLast) {
            return null; // a name, resolved and checked when connecting
        }
        if (labels.length == 4) {
            boolean canonical = true;
            for (String label : labels) {
                canonical &= label.matches("0|[1-9][0-9]{0,2}") && Integer.parseInt(label) <= 255;
            }
            if (canonical) {
                return null;
            }
        }
        return "the host " + host + " is an ambiguous or invalid IPv4 address: software reads leading zeros, octal, "
                + "hex, a bare integer or fewer than four parts differently; write it as four decimal numbers 0-255, "
                + "like 203.0.113.7";
    }

    boolean permits(InetAddress address) {
        if (allowed.stream().anyMatch(block -> block.contains(address))) {
            return true;
        }
        InetAddress embedded = embeddedIpv4(address);
        if (embedded != null && allowed.stream().anyMatch(block -> block.contains(embedded))) {
            return true;
        }
        return classify(address) == Kind.PUBLIC;
    }

    static Kind classify(InetAddress address) {
        if (address instanceof Inet4Address) {
            return classifyIpv4(address.getAddress());
        }
        InetAddress embedded = embeddedIpv4(address);
        return embedded != null ? classifyIpv4(embedded.getAddress()) : classifyIpv6(address.getAddress());
    }

    private static Kind classifyIpv4(byte[] a) {
        int b0 = a[0] & 0xff;
        int b1 = a[1] & 0xff;
        int b2 = a[2] & 0xff;
        int b3 = a[3] & 0xff;
        if (b0 == 0) {
            return Kind.UNSPECIFIED;
        }
        if (b0 == 127) {
            return Kind.LOOPBACK;
        }
        if (b0 == 10 || (b0 == 172 && b1 >= 16 && b1 <= 31) || (b0 == 192 && b1 == 168)) {
            return Kind.PRIVATE;
        }
        if (b0 == 169 && b1 == 254) {
            // 169.254.169.254 (most clouds) and 169.254.170.2 (ECS task metadata)
            return (b2 == 169 && b3 == 254) || (b2 == 170 && b3 == 2) ? Kind.CLOUD_METADATA : Kind.LINK_LOCAL;
        }
        if (b0 == 100 && b1 >= 64 && b1 <= 127) {
            // 100.100.100.200 is Alibaba Cloud's metadata service inside the carrier-NAT block
            return b1 == 100 && b2 == 100 && b3 == 200 ? Kind.CLOUD_METADATA : Kind.CARRIER_NAT;
        }
        if (b0 >= 224 && b0 <= 239) {
            return Kind.MULTICAST;
        }
        if (b0 >= 240) {
            return Kind.RESERVED; // 240/4 and the broadcast address
        }
        if ((b0 == 192 && b1 == 0 && b2 == 0) || (b0 == 192 && b1 == 0 && b2 == 2) || (b0 == 198 && (b1 == 18 || b1 == 19))
                || (b0 == 198 && b1 == 51 && b2 == 100) || (b0 == 203 && b1 == 0 && b2 == 113)) {
            return Kind.RESERVED; // protocol assignments, documentation, benchmarking
        }
        if (b0 == 192 && b1 == 88 && b2 == 99) {
            return Kind.TRANSITION; // 6to4 relay anycast
        }
        return Kind.PUBLIC;
    }

    private static Kind classifyIpv6(byte[] a) {
        boolean allZeroButLast = true;
        for (int i = 0; i < 15; i++) {
            if (a[i] != 0) {
                allZeroButLast = false;
                break;
            }
        }
        if (allZeroButLast && a[15] == 0) {
            return Kind.UNSPECIFIED;
        }
        if (allZeroButLast && a[15] == 1) {
            return Kind.LOOPBACK;
        }
        int first = a[0] & 0xff;
        int second = a[1] & 0xff;
        if (first == 0xff) {
            return Kind.MULTICAST;
        }
        if (first == 0xfe && (second & 0xc0) == 0x80) {
            return Kind.LINK_LOCAL;
        }
        if (first == 0xfe && (second & 0xc0) == 0xc0) {
            return Kind.PRIVATE; // deprecated site-local fec0::/10
        }
        if ((first & 0xfe) == 0xfc) {
            // fd00:ec2::254 is AWS's IPv6 metadata address
            return isAwsMetadataV6(a) ? Kind.CLOUD_METADATA : Kind.UNIQUE_LOCAL;
        }
        if (first == 0x20 && second == 0x01 && a[2] == 0 && a[3] == 0) {
            return Kind.TRANSITION; // Teredo 2001::/32 hides an IPv4 address we cannot judge
        }
        if (first == 0x20 && second == 0x01 && (a[2] & 0xff) == 0x0d && (a[3] & 0xff) == 0xb8) {
            return Kind.RESERVED; // documentation 2001:db8::/32
        }
        if (first == 0x00 && second == 0x64 && (a[2] & 0xff) == 0xff && (a[3] & 0xff) == 0x9b && a[4] == 0 && a[5] == 1) {
            return Kind.TRANSITION; // local-use NAT64 64:ff9b:1::/48
        }
        if (first == 0x01 && second == 0x00 && a[2] == 0 && a[3] == 0 && a[4] == 0 && a[5] == 0 && a[6] == 0 && a[7] == 0) {
            return Kind.RESERVED; // discard-only 100::/64
        }
        if ((first & 0xe0) != 0x20) {
            return Kind.RESERVED; // outside global unicast 2000::/3
        }
        return Kind.PUBLIC;
    }

    private static boolean isAwsMetadataV6(byte[] a) {
        byte[] metadata = {(byte) 0xfd, 0x00, 0x0e, (byte) 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54};
        return java.util.Arrays.equals(a, metadata);
    }

    /** The IPv4 address inside an IPv4-mapped, IPv4-compatible, 6to4 or NAT64 IPv6 address; null otherwise. */
    static InetAddress embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return null;
        }
        byte[] a = address.getAddress();
        byte[] v4 = null;
        boolean zeros80 = true;
        for (int i = 0; i < 10; i++) {
            zeros80 &= a[i] == 0;
        }
        if (zeros80 && ((a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff)) {
            v4 = new byte[] {a[12], a[13], a[14], a[15]}; // ::ffff:a.b.c.d
        } else if (zeros80 && a[10] == 0 && a[11] == 0 && !(a[12] == 0 && a[13] == 0 && a[14] == 0)) {
            v4 = new byte[] {a[12], a[13], a[14], a[15]}; // ::a.b.c.d (deprecated compatible form)
        } else if ((a[0] & 0xff) == 0x20 && (a[1] & 0xff) == 0x02) {
            v4 = new byte[] {a[2], a[3], a[4], a[5]}; // 6to4 2002:AABB:CCDD::/48
        } else if (a[0] == 0 && (a[1] & 0xff) == 0x64 && (a[2] & 0xff) == 0xff && (a[3] & 0xff) == 0x9b
                && a[4] == 0 && a[5] == 0 && a[6] == 0 && a[7] == 0 && a[8] == 0 && a[9] == 0 && a[10] == 0 && a[11] == 0) {
            v4 = new byte[] {a[12], a[13], a[14], a[15]}; // NAT64 64:ff9b::/96
        }
        if (v4 == null) {
            return null;
        }
        try {
            return InetAddress.getByAddress(v4);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
