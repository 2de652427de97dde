-- Schema 1: the table Orleans' ADO.NET providers read their SQL from.
--
-- Orleans 10.4.2 loads every statement it runs from this table by key ("SELECT QueryKey, QueryText FROM OrleansQuery"),
-- so the table and column names are fixed by Orleans; everything else in this schema is ours. Later scripts add their
-- queries with ON CONFLICT ... DO UPDATE, so a script that changes a query replaces the older text.
--
-- Conventions of our query texts:
--   * tables and columns are snake_case; a query aliases its output columns to the names Orleans reads by
--     (Npgsql matches them case-insensitively);
--   * every query that Orleans reads as "true/false" or "new version" answers exactly one row;
--   * optimistic concurrency is one statement: the version check and the change happen together or not at all.

CREATE TABLE OrleansQuery
(
    QueryKey  varchar(64) NOT NULL PRIMARY KEY,
    QueryText text        NOT NULL
);

COMMENT ON TABLE OrleansQuery IS
    'SQL that Orleans ADO.NET providers (clustering, persistence, reminders) run, by key. Written by BroadcastGrains migrate.';
