-- Schema 5: the recipient partitions' journal (src/BroadcastGrains/Partitions/Journal).
--
-- A partition's grain state is a snapshot written every few seconds; between snapshots each batch adds one row here:
-- the current columns of the recipients it changed (positions, status and error bytes, change times, carrier ids) and
-- the partition's money after it. Rows up to the sequence number a snapshot holds are deleted once it is stored, so
-- the table holds seconds of history per sending partition, not a broadcast's worth.

CREATE TABLE broadcast_partition_journal
(
    partition_key     text       NOT NULL,
    seq               bigint     NOT NULL,
    indexes           integer[]  NOT NULL,
    statuses          bytea      NOT NULL,
    errors            bytea      NOT NULL,
    updated_at        integer[]  NOT NULL,
    carrier_ids       text[]     NULL,
    -- captured, uncaptured, inflight capture, refunded, unrefunded, inflight refund
    money             numeric[]  NOT NULL,
    capture_sequence  bigint     NOT NULL,
    refund_sequence   bigint     NOT NULL,
    cursor_index      integer    NOT NULL,
    version           bigint     NOT NULL,
    written_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (partition_key, seq)
);
