-- Schema 6: the recipients of each partition (src/BroadcastGrains/Partitions/Rows), written once by binary COPY when
-- the partition is prepared and read back, in index order, when it activates. Statuses are not here: they change
-- millions of times per broadcast, and live in the partition's snapshot plus its journal (schema 5).
--
-- The primary key is the keyset the partition reads by: (partition_key, idx) ranges, never an offset.

CREATE TABLE broadcast_recipients
(
    partition_key  text      NOT NULL,
    idx            integer   NOT NULL,
    -- E.164 digits, or 0 for an entry that is not a phone number (then text_value holds it as given)
    number         bigint    NOT NULL,
    text_value     text      NULL,
    -- the recipient's {{variables}}, parallel to the slice's variable names; NULL when it has none
    variables      text[]    NULL,
    PRIMARY KEY (partition_key, idx)
);
