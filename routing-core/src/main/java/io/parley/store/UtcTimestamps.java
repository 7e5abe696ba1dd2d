package io.parley.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Calendar;
import java.util.TimeZone;

/**
 * Reads and writes {@link Instant}s as TIMESTAMP columns holding UTC wall-clock time, as Service
 * Broker's views do (R-ROUTE-5), whatever the JVM's default time zone.
 */
public final class UtcTimestamps {
    private UtcTimestamps() {
    }

    public static void write(PreparedStatement ps, int index, Instant instant) throws SQLException {
        if (instant == null) {
            ps.setNull(index, Types.TIMESTAMP);
        } else {
            ps.setTimestamp(index, Timestamp.from(instant), utc());
        }
    }

    public static Instant read(ResultSet rs, int index) throws SQLException {
        Timestamp ts = rs.getTimestamp(index, utc());
        return ts == null ? null : ts.toInstant();
    }

    private static Calendar utc() {
        return Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    }
}
