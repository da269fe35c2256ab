package dev.gridcommerce.grid.notification;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which URLs the grid may send webhooks to: {@code http} or {@code https} with a host, and only
 * hosts that resolve to public addresses: loopback, link-local (the cloud metadata service at
 * 169.254.169.254 among them), private, unique-local, shared (100.64/10), multicast and unspecified
 * addresses (and IPv6 addresses that carry such an IPv4 one) are refused, unless the settings allow
 * loopback (tests, a local receiver) or private networks (an integrator inside the same network).
 * Checked when a subscription is made and again before each delivery, against a name that resolves
 * elsewhere later.
 */
public record OutboundUrls(boolean allowLoopback, boolean allowPrivate) {

  /** Why a URL is refused, in words. */
  public static final class Refused extends IllegalArgumentException {
    Refused(String message) {
      super(message);
    }
  }

  /**
   * The IPv4 address an IPv6 one carries (IPv4-mapped or -compatible, NAT64 64:ff9b::/96, 6to4
   * 2002::/16), which is where a connection to it goes; else null.
   */
  private static InetAddress embeddedIpv4(InetAddress address) {
    byte[] b = address.getAddress();
    if (b.length != 16) {
      return null;
    }
    boolean zeroTo9 = true;
    for (int i = 0; i < 10; i++) {
      zeroTo9 &= b[i] == 0;
    }
    byte[] v4;
    if (zeroTo9 && ((b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0))) {
      v4 = java.util.Arrays.copyOfRange(b, 12, 16);
      if (b[10] == 0 && v4[0] == 0 && v4[1] == 0 && v4[2] == 0 && (v4[3] == 0 || v4[3] == 1)) {
        return null; // :: and ::1 themselves
      }
    } else if (b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b) {
      v4 = java.util.Arrays.copyOfRange(b, 12, 16);
    } else if (b[0] == 0x20 && b[1] == 0x02) {
      v4 = java.util.Arrays.copyOfRange(b, 2, 6);
    } else {
      return null;
    }
    try {
      return InetAddress.getByAddress(v4);
    } catch (UnknownHostException impossible) {
      return null;
    }
  }

  /** The URL if it may be called; else {@link Refused}, saying why. */
  public URI check(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (Exception e) {
      throw new Refused("not a URL: " + url);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new Refused("only http and https URLs are called, not " + url);
    }
    if (uri.getHost() == null || uri.getHost().isBlank() || uri.getUserInfo() != null) {
      throw new Refused("a URL names a host, without a user or password: " + url);
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(uri.getHost());
    } catch (UnknownHostException e) {
      throw new Refused("the host " + uri.getHost() + " does not resolve");
    }
    for (InetAddress address : addresses) {
      String why = refusal(address);
      if (why != null) {
        throw new Refused(uri.getHost() + " resolves to " + address.getHostAddress() + ", " + why);
      }
    }
    return uri;
  }

  private String refusal(InetAddress address) {
    InetAddress embedded = embeddedIpv4(address);
    if (embedded != null) {
      return refusal(embedded); // ::ffff:10.0.0.1, 64:ff9b::a9fe:a9fe, 2002:a9fe:a9fe:: ...
    }
    byte[] raw = address.getAddress();
    if (raw.length == 4
        && ((raw[0] & 0xff) == 0
            || (raw[0] & 0xff) >= 240
            || ((raw[0] & 0xff) == 198 && (raw[1] & 0xfe) == 18))) {
      return "not an address to send to (0/8, 198.18/15 or 240/4)";
    }
    if (address.isLoopbackAddress()) {
      return allowLoopback ? null : "a loopback address";
    }
    if (address.isLinkLocalAddress()) {
      return "a link-local address (where cloud metadata services live)";
    }
    if (address.isAnyLocalAddress() || address.isMulticastAddress()) {
      return "not an address to send to";
    }
    if (allowPrivate) {
      return null;
    }
    byte[] bytes = raw;
    boolean sharedOrUniqueLocal =
        (bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64)
            || (bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc);
    return address.isSiteLocalAddress() || sharedOrUniqueLocal ? "a private address" : null;
  }
}
