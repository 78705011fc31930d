package org.ws2.reporting.history;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A table that keeps every version of one kind of aggregate: a row per id and version, with the instant
 * the version counts from, which the "as of" reads go by. Versions may arrive out of order and more than
 * once (a redelivery, a rebuild replaying beside the live consumers), so a version held already is left
 * as it is and a late older one is still kept: it just never becomes the latest.
 *
 * @param name    the table, e.g. {@code group_version}
 * @param columns the table's own columns, after id, version and effective_at
 * @param values  their values in the same order: named parameters, or expressions of them
 */
public record VersionTable(String name, String columns, String values) {

    /**
     * The statement that keeps one version in {@code table}: this one, or its replacement while a rebuild
     * fills it. {@link #record} runs it, a rebuild batches it.
     */
    public String insertInto(String table) {
        return "INSERT INTO " + table + " (id, version, effective_at, " + columns + ")\n"
                + "VALUES (:id, :version, :effectiveAt, " + values + ")\n"
                + "ON CONFLICT (id, version) DO NOTHING";
    }

    /** The values every version has; the table's own columns' values are added to it. */
    public static MapSqlParameterSource row(String id, long version, Instant effectiveAt) {
        return new MapSqlParameterSource()
                .addValue("id", id)
                .addValue("version", version)
                .addValue("effectiveAt", OffsetDateTime.ofInstant(effectiveAt, ZoneOffset.UTC));
    }

    /** Keeps one version in this table; true if it was not held yet. */
    public boolean record(JdbcClient jdbc, SqlParameterSource row) {
        return jdbc.sql(insertInto(name)).paramSource(row).update() == 1;
    }
}
