package io.feedgram.sandbox;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The callers {@code feedgram.sandbox.control-from} allows: IP addresses, CIDR ranges and host names.
 * Addresses and ranges are parsed once, so a bad entry stops start-up; names are resolved when a
 * call comes, so a host whose address changes is followed.
 */
final class AddressAllowList {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    /** The addresses whose first {@code bits} bits are those of {@code network}. */
    private record Range(byte[] network, int bits) {

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = bits / 8;
            if (!Arrays.equals(address, 0, whole, network, 0, whole)) {
                return false;
            }
            int rest = bits % 8;
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return rest == 0 || (address[whole] & mask) == (network[whole] & mask);
        }
    }

    private final List<Range> ranges = new ArrayList<>();
    private final List<String> hostNames = new ArrayList<>();

    AddressAllowList(List<String> entries) {
        for (String raw : entries) {
            String entry = raw.trim();
            int slash = entry.indexOf('/');
            String host = slash < 0 ? entry : entry.substring(0, slash);
            if (!isLiteral(host)) {
                if (slash >= 0 || host.isEmpty()) {
                    throw new IllegalArgumentException("feedgram.sandbox.control-from: not an address, range or host name: " + raw);
                }
                hostNames.add(host);
                continue;
            }
            byte[] network = literal(host, raw);
            int bits = slash < 0 ? network.length * 8 : prefix(entry.substring(slash + 1), network.length * 8, raw);
            ranges.add(new Range(network, bits));
        }
    }

    /** Whether {@code address}, a connection's IP address as the servlet container reports it, may call. */
    boolean allows(String address) {
        byte[] caller;
        try {
            if (address == null || !isLiteral(address)) {
                return false;
            }
            caller = InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            return false;
        }
        if (ranges.stream().anyMatch(range -> range.contains(caller))) {
            return true;
        }
        for (String name : hostNames) {
            try {
                for (InetAddress resolved : InetAddress.getAllByName(name)) {
                    if (Arrays.equals(resolved.getAddress(), caller)) {
                        return true;
                    }
                }
            } catch (UnknownHostException e) {
                // a name that does not resolve now allows no one
            }
        }
        return false;
    }

    /** IP literals only: {@link InetAddress#getByName} would look anything else up in DNS. */
    private static boolean isLiteral(String host) {
        return IPV4.matcher(host).matches() || host.contains(":");
    }

    private static byte[] literal(String host, String raw) {
        try {
            return InetAddress.getByName(host).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("feedgram.sandbox.control-from: not an IP address: " + raw, e);
        }
    }

    private static int prefix(String bits, int max, String raw) {
        try {
            int prefix = Integer.parseInt(bits);
            if (prefix >= 0 && prefix <= max) {
                return prefix;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("feedgram.sandbox.control-from: the prefix length must be 0 to " + max + ": " + raw);
    }
}
