package dev.gridcommerce.api.store;

import dev.gridcommerce.api.account.Caller;
import dev.gridcommerce.api.web.ApiProblem;
import dev.gridcommerce.domain.account.Role;
import dev.gridcommerce.grid.support.GridMaps;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Staff act only for the dark stores their account is bound to; admins for every store. */
@Component
class StoreAccess {

  private final GridMaps maps;

  StoreAccess(GridMaps maps) {
    this.maps = maps;
  }

  void require(Caller caller, String storeId) {
    boolean allowed =
        caller.hasRole(Role.ADMIN)
            || (caller.hasRole(Role.STAFF) && caller.storeIds().contains(storeId));
    if (!allowed) {
      throw new ApiProblem(
          HttpStatus.FORBIDDEN,
          "forbidden",
          "Forbidden",
          "your account does not work at store " + storeId);
    }
    if (!maps.stores().containsKey(storeId)) {
      throw ApiProblem.notFound("no dark store has the id '" + storeId + "'");
    }
  }
}
