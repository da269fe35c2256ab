package dev.gridcommerce.domain.architecture.broken;

import java.sql.Connection;

/** A domain type that talks to a database: the architecture rule must refuse it. */
public record StockWithAConnection(Connection connection, int onHand) {}
