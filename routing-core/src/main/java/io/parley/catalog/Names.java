package io.parley.catalog;

/** Length and presence rules shared by the names of catalog objects (R-OBJ-3). */
final class Names {
    static final int MAX_TYPE_OR_CONTRACT_LENGTH = 128;
    static final int MAX_SYSNAME_LENGTH = 128;
    static final int MAX_SERVICE_NAME_LENGTH = 256;

    private Names() {
    }

    static void require(String name, String kind, int maxLength) {
        if (name == null || name.isEmpty()) {
            throw new CatalogException(9659, "a " + kind + " name must not be empty");
        }
        if (name.length() > maxLength) {
            throw new CatalogException(9660, kind + " name '" + name.substring(0, 40) + "…' is "
                    + name.length() + " characters long; the limit is " + maxLength);
        }
    }
}
