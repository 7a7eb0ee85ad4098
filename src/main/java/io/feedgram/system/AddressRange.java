package io.feedgram.system;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A CIDR range such as {@code 127.0.0.0/8} or {@code fc00::/7}; a bare address is a range of one.
 * Only literal addresses are parsed: a range never triggers a DNS look-up.
 */
public record AddressRange(byte[] network, int prefixLength) {

    /** Parses {@code address[/prefix]}; throws IllegalArgumentException when it is not a literal range. */
    public static AddressRange parse(String cidr) {
        String text = cidr.trim();
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        if (!isLiteral(address)) {
            throw new IllegalArgumentException("not an IP address or CIDR range: " + cidr);
        }
        byte[] bytes;
        try {
            bytes = InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address or CIDR range: " + cidr, e);
        }
        int prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(text.substring(slash + 1));
        if (prefix < 0 || prefix > bytes.length * 8) {
            throw new IllegalArgumentException("prefix length out of range: " + cidr);
        }
        return new AddressRange(bytes, prefix);
    }

    /** True for an IPv4 dotted quad or an IPv6 address (which always has a colon), never a host name. */
    public static boolean isLiteral(String host) {
        return host.contains(":") || host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != network.length) {
            return false;
        }
        int full = prefixLength / 8;
        for (int i = 0; i < full; i++) {
            if (bytes[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return rest == 0 || (bytes[full] & mask) == (network[full] & mask);
    }
}
