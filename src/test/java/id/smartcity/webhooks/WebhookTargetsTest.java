package id.smartcity.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WebhookTargetsTest {

    /** A fixed DNS: names of the test to the addresses they stand for. */
    private static final Map<String, String> DNS = Map.of(
            "receiver.example.go.id", "203.0.113.10",
            "internal.example.go.id", "10.1.2.3",
            "metadata.example.go.id", "169.254.169.254",
            "cgnat.example.go.id", "100.64.0.1",
            "v6-private.example.go.id", "fd00::1",
            "v6-mapped.example.go.id", "::ffff:192.168.1.1",
            "v6-public.example.go.id", "2001:db8::1");

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String address = DNS.get(host);
        if (address == null) {
            return new InetAddress[] {InetAddress.getByName(host)}; // literals and localhost only
        }
        return new InetAddress[] {InetAddress.getByName(address)};
    }

    private final WebhookTargets targets = new WebhookTargets(Set.of("localhost", "127.0.0.1"), h -> {
        if (!DNS.containsKey(h) && !h.matches("[0-9.:a-fA-F]+") && !h.equals("localhost")) {
            throw new UnknownHostException(h);
        }
        return resolve(h);
    });

    @Test
    void publicHttpsTargetsAreAccepted() {
        assertEquals(Optional.empty(), targets.refusal("https://receiver.example.go.id/hooks/smartcity"));
        assertEquals(Optional.empty(), targets.refusal("https://v6-public.example.go.id:8443/hooks"));
    }

    @Test
    void allowListedHostsMayBeLoopbackAndHttp() {
        assertEquals(Optional.empty(), targets.refusal("http://localhost:8099/receiver"));
        assertEquals(Optional.empty(), targets.refusal("https://127.0.0.1:8099/receiver"));
        assertEquals(Optional.of("must use https"), targets.refusal("ftp://localhost/receiver"));
    }

    @Test
    void everythingElseIsRefusedWithAReason() {
        assertEquals(Optional.of("must use https"), targets.refusal("http://receiver.example.go.id/hooks"));
        String privateAddress = "resolves to a private, loopback, link-local or reserved address";
        for (String url : new String[] {
            "https://internal.example.go.id/",
            "https://metadata.example.go.id/latest/meta-data",
            "https://cgnat.example.go.id/",
            "https://v6-private.example.go.id/",
            "https://v6-mapped.example.go.id/",
            "https://10.0.0.1/",
            "https://192.168.1.20/",
            "https://127.0.0.2/",
            "https://[::1]/",
            "https://0.0.0.0/"
        }) {
            assertEquals(Optional.of(privateAddress), targets.refusal(url), url);
        }
        assertEquals(
                Optional.of("must carry no user information".replace("carry no", "not carry")),
                targets.refusal("https://user:pw@receiver.example.go.id/"));
        assertEquals(Optional.of("must not have a fragment"), targets.refusal("https://receiver.example.go.id/#x"));
        assertEquals(Optional.of("must be an absolute URL with a host"), targets.refusal("/relative/path"));
        assertEquals(Optional.of("must be an absolute URL"), targets.refusal("https://bad host/"));
        assertEquals(Optional.of("has a host that does not resolve"), targets.refusal("https://nowhere.invalid/"));
    }
}
