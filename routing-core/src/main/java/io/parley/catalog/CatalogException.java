package io.parley.catalog;

/**
 * A catalog change or value that breaks a rule of the semantics: an unknown or duplicate name, a
 * reference to a missing object, a route that violates R-ROUTE-4. The message names the objects
 * involved; {@link #errorNumber()} is the Service Broker error number where one exists (0 if none),
 * so operators can look the condition up in SQL Server documentation too.
 */
public class CatalogException extends RuntimeException {
    private final int errorNumber;

    public CatalogException(String message) {
        this(0, message);
    }

    public CatalogException(int errorNumber, String message) {
        super(message);
        this.errorNumber = errorNumber;
    }

    /** The Service Broker error number of this condition, or 0 when Service Broker has none. */
    public int errorNumber() {
        return errorNumber;
    }
}
