package io.parley.catalog.ddl;

import io.parley.catalog.Catalog;
import io.parley.catalog.CatalogException;

/**
 * Applies one statement to a catalog snapshot and returns the next snapshot, after checking the
 * statement against the catalog: names that must exist or must not, references between objects,
 * system objects, objects still in use. The given catalog is never changed, so a caller that keeps
 * the old snapshot on failure loses nothing. Each object kind has its own executor class.
 */
public final class DdlExecutor {

    private DdlExecutor() {
    }

    /**
     * Returns {@code catalog} as it is after {@code statement}.
     *
     * @throws DdlException at the statement's position when the statement breaks a rule; a
     *         {@link CatalogException} from the catalog's own types is wrapped, keeping its error number
     */
    public static Catalog apply(Catalog catalog, DdlStatement statement, ExecutionContext context) {
        try {
            return applyUnchecked(catalog, statement, context);
        } catch (DdlException e) {
            throw e;
        } catch (CatalogException e) {
            throw DdlException.wrapping(statement, e);
        }
    }

    private static Catalog applyUnchecked(Catalog catalog, DdlStatement statement, ExecutionContext context) {
        if (statement instanceof MessageTypeStatement messageType) {
            return MessageTypeExecutor.apply(catalog, messageType);
        }
        if (statement instanceof ContractStatement contract) {
            return ContractExecutor.apply(catalog, contract);
        }
        if (statement instanceof QueueStatement queue) {
            return QueueExecutor.apply(catalog, queue);
        }
        if (statement instanceof ServiceStatement service) {
            return ServiceExecutor.apply(catalog, service);
        }
        if (statement instanceof RouteStatement route) {
            return RouteExecutor.apply(catalog, route, context.now());
        }
        return EndpointExecutor.apply(catalog, (EndpointStatement) statement, context);
    }
}
