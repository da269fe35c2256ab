package dev.gridcommerce.api.account;

import dev.gridcommerce.domain.account.Role;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Staff (and riders, where they may) act only for the dark stores their account is bound to, admins
 * for every store: decided from the {@code {storeId}} of the path before anything else of the
 * request is read, so a caller who may not act there is told 403 whatever the body says.
 */
final class StoreAccess implements AuthorizationManager<RequestAuthorizationContext> {

  private final Role storeRole;
  private final Role alsoAllowed;

  /** STAFF of the store, or ADMIN. */
  StoreAccess() {
    this(Role.STAFF, Role.STAFF);
  }

  /** STAFF or {@code alsoAllowed} (RIDER, say) of the store, or ADMIN. */
  StoreAccess(Role storeRole, Role alsoAllowed) {
    this.storeRole = storeRole;
    this.alsoAllowed = alsoAllowed;
  }

  @Override
  public AuthorizationResult authorize(
      Supplier<? extends Authentication> authentication, RequestAuthorizationContext request) {
    String storeId = request.getVariables().get("storeId");
    boolean allowed =
        authentication.get() != null
            && authentication.get().getPrincipal() instanceof Caller caller
            && (caller.hasRole(Role.ADMIN)
                || ((caller.hasRole(storeRole) || caller.hasRole(alsoAllowed))
                    && caller.storeIds().contains(storeId)));
    return new AuthorizationDecision(allowed);
  }
}
