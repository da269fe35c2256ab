package dev.gridcommerce.grid.notification;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which URLs the grid may send webhooks to: {@code http} or {@code https} with a host, and only
 * hosts that resolve to public addresses: loopback, link-local (the cloud metadata service at
 * 169.254.169.254 among them), private, unique-local, shared (100.64/10), multicast and unspecified
 * addresses are refused, unless the settings allow loopback (tests, a local receiver) or private
 * networks (an integrator inside the same network). Checked when a subscription is made and again
 * before each delivery, against a name that resolves elsewhere later.
 */
public record OutboundUrls(boolean allowLoopback, boolean allowPrivate) {

  /** Why a URL is refused, in words. */
  public static final class Refused extends IllegalArgumentException {
    Refused(String message) {
      super(message);
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
    byte[] bytes = address.getAddress();
    boolean sharedOrUniqueLocal =
        (bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64)
            || (bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc);
    return address.isSiteLocalAddress() || sharedOrUniqueLocal ? "a private address" : null;
  }
}
