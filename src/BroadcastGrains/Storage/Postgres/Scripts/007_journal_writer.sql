-- Schema 7: who wrote each partition journal row.
--
-- While a silo shuts down, Orleans can briefly run two activations of one partition. Each activation writes its rows
-- under an id of its own, and a row written again under its sequence number replaces the first only when the same
-- activation writes it (its retry after a lost answer). The other activation's write of that sequence number changes
-- nothing and is refused: the unique (partition_key, seq) decides which activation may submit the batch it records.
-- Rows written before this step belong to no activation (the zero id) and are never replaced.

ALTER TABLE broadcast_partition_journal
    ADD COLUMN writer uuid NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000';
