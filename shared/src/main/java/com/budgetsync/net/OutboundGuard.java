package com.budgetsync.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Keeps customer-supplied hosts and URLs (SFTP host, S3 endpoint, HTTPS source, webhook) away from the machine itself,
 * the cloud metadata service and the private network (SSRF). The check is on the resolved addresses, every one of
 * them, right before connecting: a name that resolves to 127.0.0.1, or a DNS answer changed since the config was
 * saved, is caught. Connect to the addresses {@link #check} returns where the client allows it, so no second lookup
 * can differ.
 *
 * <p>The process-wide guard is set once at start from config ({@code outbound.allowLoopback},
 * {@code outbound.allowPrivate}); sources and notifiers call
 * {@code OutboundGuard.current().checkTarget(hostOrUrl)} before connecting, or {@code check(host)} to connect to the
 * checked addresses.
 */
public final class OutboundGuard {
    /** Until a process installs its configured guard: public addresses only. */
    private static volatile OutboundGuard current = new OutboundGuard(false, false);

    private final boolean allowLoopback;
    private final boolean allowPrivate;
    /** The operator's own hosted SFTP server as workers reach it (often a private address); null when none. */
    private final String ownHost;

    public OutboundGuard(boolean allowLoopback, boolean allowPrivate) {
        this(allowLoopback, allowPrivate, null);
    }

    private OutboundGuard(boolean allowLoopback, boolean allowPrivate, String ownHost) {
        this.allowLoopback = allowLoopback;
        this.allowPrivate = allowPrivate;
        this.ownHost = ownHost == null || ownHost.isBlank() ? null : ownHost.trim();
    }

    /**
     * The same guard, letting through the one host the operator named for its hosted SFTP server (SFTP_POLL_HOST or
     * SFTP_HOST): the hosted drop configs poll it wherever it runs, and no other private address opens up.
     */
    public OutboundGuard withOwnHost(String host) {
        return new OutboundGuard(allowLoopback, allowPrivate, host);
    }

    public boolean allowsLoopback() {
        return allowLoopback;
    }

    public boolean allowsPrivate() {
        return allowPrivate;
    }

    public static OutboundGuard current() {
        return current;
    }

    /** Called once at start by the application and the worker command with the operator's configuration. */
    public static void install(OutboundGuard guard) {
        current = guard;
    }

    /** Resolves {@code host} and returns its addresses if every one may be reached; refuses otherwise. */
    public InetAddress[] check(String host) throws UnknownHostException {
        InetAddress[] addresses = InetAddress.getAllByName(bare(host));
        if (ownHost != null && bare(host).equalsIgnoreCase(ownHost)) {
            return addresses;
        }
        for (InetAddress address : addresses) {
            refuseIfForbidden(address);
        }
        return addresses;
    }

    /**
     * For a host or an http(s) URL, at save time and right before connecting: refuses it if it is, or resolves to, a
     * forbidden address. A name that does not resolve is let through, as there is nothing to connect to.
     */
    public void checkTarget(String hostOrUrl) {
        String host = hostOrUrl.contains("://") ? parse(hostOrUrl).getHost() : hostOrUrl;
        try {
            check(host);
        } catch (UnknownHostException nothingToConnectTo) {
            // the connection fails by itself with "unknown host"
        }
    }

    private static URI parse(String url) {
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
                throw new OutboundRefusedException("'" + url + "' is not an http(s) URL with a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new OutboundRefusedException("'" + url + "' is not a valid URL: " + e.getReason());
        }
    }

    private static String bare(String host) {
        if (host == null || host.isBlank()) {
            throw new OutboundRefusedException("no host given");
        }
        String h = host.trim();
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }

    private void refuseIfForbidden(InetAddress address) {
        String setting;
        String kind;
        if (address.isLoopbackAddress()) {
            if (allowLoopback || allowPrivate) {
                return;
            }
            kind = "loopback address";
            setting = "outbound.allowLoopback";
        } else if (address.isAnyLocalAddress() || address.isMulticastAddress()) {
            // 0.0.0.0 reaches the local machine on most systems; neither is ever a legitimate file server.
            throw refused(address, address.isAnyLocalAddress() ? "unspecified address" : "multicast address", null);
        } else if (address.isLinkLocalAddress()) {
            if (allowPrivate) {
                return;
            }
            kind = "link-local address";
            setting = "outbound.allowPrivate";
        } else if (isPrivate(address)) {
            if (allowPrivate) {
                return;
            }
            kind = "private network address";
            setting = "outbound.allowPrivate";
        } else {
            return;
        }
        throw refused(address, kind, setting);
    }

    private static OutboundRefusedException refused(InetAddress address, String kind, String setting) {
        return new OutboundRefusedException("outbound connection to " + address.getHostAddress() + " refused: " + kind
                + (setting == null ? "" : " (allow with " + setting + ")"));
    }

    /** RFC 1918, carrier-grade NAT (100.64.0.0/10) and IPv6 unique-local (fc00::/7). */
    private static boolean isPrivate(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc;
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return address.isSiteLocalAddress() || first == 100 && second >= 64 && second < 128;
    }
}
