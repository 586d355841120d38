package id.smartcity.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which URLs a webhook may be delivered to (issue #20, receiver safety). Checked when a
 * subscription is made or changed and again before every delivery, against the addresses the host
 * resolves to then (a name that later resolves to a private address is refused at delivery):
 *
 * <ul>
 *   <li>{@code https} only, no user info, no fragment — except for hosts on the configured
 *       allow-list, which may also be {@code http} (loopback receivers in development and tests);
 *   <li>no loopback, private (RFC 1918, IPv6 unique-local), link-local (cloud metadata
 *       169.254.169.254), carrier-grade NAT, unspecified, multicast or otherwise reserved address,
 *       unless the host is on the allow-list.
 * </ul>
 *
 * <p>Each refusal is a reason naming what is wrong, for a 400/422 problem on the {@code url}
 * field.
 */
public final class WebhookTargets {

    private final Set<String> allowedHosts;
    private final Resolver resolver;

    /** Resolves a host name to its addresses (DNS; replaceable in tests). */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    public WebhookTargets(Set<String> allowedHosts) {
        this(allowedHosts, InetAddress::getAllByName);
    }

    public WebhookTargets(Set<String> allowedHosts, Resolver resolver) {
        this.allowedHosts = allowedHosts.stream()
                .map(h -> h.trim().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        this.resolver = resolver;
    }

    /** Why the URL may not receive webhooks, or empty when it may. */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("must be an absolute URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (!uri.isAbsolute() || host == null || host.isEmpty()) {
            return Optional.of("must be an absolute URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry user information");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not have a fragment");
        }
        String bareHost = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        boolean allowListed = allowedHosts.contains(bareHost.toLowerCase(Locale.ROOT));
        if (!scheme.equals("https") && !(allowListed && scheme.equals("http"))) {
            return Optional.of("must use https");
        }
        if (allowListed) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bareHost);
        } catch (UnknownHostException e) {
            return Optional.of("has a host that does not resolve");
        }
        for (InetAddress a : addresses) {
            if (!public_(a)) {
                return Optional.of("resolves to a private, loopback, link-local or reserved address");
            }
        }
        return Optional.empty();
    }

    /** Whether the address is one on the public internet. */
    static boolean public_(InetAddress a) {
        if (a.isLoopbackAddress()
                || a.isAnyLocalAddress()
                || a.isLinkLocalAddress()
                || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return !(first == 0 // "this network"
                    || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    || (first == 198 && (second == 18 || second == 19)) // benchmarking
                    || first >= 240); // reserved and broadcast
        }
        if (a instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) { // fc00::/7 unique local
                return false;
            }
            if (isIpv4Mapped(b)) {
                try {
                    return public_(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isIpv4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }

    /** The hosts of the allow-list (lower case). */
    public List<String> allowedHosts() {
        return List.copyOf(allowedHosts);
    }
}
