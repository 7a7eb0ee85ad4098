package io.feedgram.system;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether Feedgram may fetch a URL for someone else (a feed, a redirect, a media file):
 * not when its host is or resolves to a loopback, private, unique-local or link-local address,
 * where Feedgram's own services and the cloud's instance metadata answer (server-side request
 * forgery). Exceptions: hosts and ranges listed in {@code feedgram.fetch.allowed-private-hosts},
 * and, with the sandbox on (everything on localhost), loopback and private addresses; link-local
 * ones stay refused unless listed, since nothing of Feedgram's lives there but metadata does.
 */
public final class PrivateAddressGuard {

    /** Why an address is not public, as a sentence's noun phrase. */
    public enum Kind {
        LOOPBACK("a loopback address"),
        LINK_LOCAL("a link-local address"),
        PRIVATE("a private address"),
        UNSPECIFIED("an unspecified address");

        private final String phrase;

        Kind(String phrase) {
            this.phrase = phrase;
        }
    }

    /** A refusal: the address a host gave and what kind it is. */
    public record Refusal(InetAddress address, Kind kind) {

        /** {@code subject} names what was refused, e.g. "the feed URL". */
        public String sentence(String subject) {
            return subject + " resolves to " + address.getHostAddress() + ", " + kind.phrase
                    + "; Feedgram does not fetch private addresses (feedgram.fetch.allowed-private-hosts)";
        }
    }

    /** Thrown by {@link #check}: its message is the refusal's sentence. */
    public static final class RefusedException extends RuntimeException {
        private final transient Refusal refusal;

        RefusedException(Refusal refusal, String subject) {
            super(refusal.sentence(subject));
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
    }

    private static final List<AddressRange> PRIVATE = ranges("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7");
    private static final List<AddressRange> LINK_LOCAL = ranges("169.254.0.0/16", "fe80::/10");

    private final boolean sandbox;
    private final List<String> allowedHosts = new ArrayList<>();
    private final List<AddressRange> allowedRanges = new ArrayList<>();

    /**
     * @param sandbox             whether the sandbox is on: loopback and private addresses are then fetched
     * @param allowedPrivateHosts host names (matched case-insensitively) and IP addresses or CIDR ranges
     */
    public PrivateAddressGuard(boolean sandbox, List<String> allowedPrivateHosts) {
        this.sandbox = sandbox;
        for (String entry : allowedPrivateHosts) {
            String trimmed = entry.trim();
            if (AddressRange.isLiteral(trimmed.replaceFirst("/\\d+$", ""))) {
                allowedRanges.add(AddressRange.parse(trimmed));
            } else if (!trimmed.isEmpty()) {
                allowedHosts.add(trimmed.toLowerCase(Locale.ROOT));
            }
        }
    }

    /**
     * The refusal for {@code uri}'s host, if any of its addresses may not be fetched. A host that
     * does not resolve is not refused here: the fetch itself then fails and says so.
     */
    public Optional<Refusal> refusal(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            return Optional.empty();
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (allowedHosts.contains(bare.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bare);
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
        for (InetAddress address : addresses) {
            Optional<Refusal> refusal = refusal(address);
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        return Optional.empty();
    }

    /** Throws {@link RefusedException} when {@code uri} may not be fetched; {@code subject} names it in the message. */
    public void check(URI uri, String subject) {
        refusal(uri).ifPresent(r -> {
            throw new RefusedException(r, subject);
        });
    }

    private Optional<Refusal> refusal(InetAddress resolved) {
        InetAddress address = unmapped(resolved);
        Kind kind = kindOf(address);
        if (kind == null || allowedRanges.stream().anyMatch(r -> r.contains(address))) {
            return Optional.empty();
        }
        if (sandbox && kind != Kind.LINK_LOCAL) {
            return Optional.empty();
        }
        return Optional.of(new Refusal(address, kind));
    }

    private static Kind kindOf(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return Kind.LOOPBACK;
        }
        if (LINK_LOCAL.stream().anyMatch(r -> r.contains(address))) {
            return Kind.LINK_LOCAL;
        }
        if (PRIVATE.stream().anyMatch(r -> r.contains(address))) {
            return Kind.PRIVATE;
        }
        // 0.0.0.0/8 and :: reach the local host on most systems.
        if (address.isAnyLocalAddress() || address instanceof Inet4Address && address.getAddress()[0] == 0) {
            return Kind.UNSPECIFIED;
        }
        return null;
    }

    /** ::ffff:a.b.c.d reaches a.b.c.d, so it is judged as the IPv4 address it carries. */
    private static InetAddress unmapped(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (!(address instanceof Inet6Address) || bytes[10] != (byte) 0xFF || bytes[11] != (byte) 0xFF) {
            return address;
        }
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return address;
            }
        }
        try {
            return InetAddress.getByAddress(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);   // four bytes are always an address
        }
    }

    private static List<AddressRange> ranges(String... cidrs) {
        return Arrays.stream(cidrs).map(AddressRange::parse).toList();
    }
}
