-- Schema 8: the route and connector each journaled recipient took.
--
-- A partition stores which route and connector took each recipient in its snapshot; between snapshots only the
-- journal has them. Without these columns a partition resumed from its journal showed no route or connector for the
-- recipients submitted since its last snapshot. Both hold one text per changed recipient, NULL for none; a row
-- where no recipient has one stores NULL. Rows written before this step read as "none", as before.

ALTER TABLE broadcast_partition_journal
    ADD COLUMN routes     text[] NULL,
    ADD COLUMN connectors text[] NULL;
