-- Schema 6: the recipients of each partition (src/BroadcastGrains/Partitions/Rows), written once by binary COPY when
-- the partition is prepared and read back, in index order, when it activates. Statuses are not here: they change
-- millions of times per broadcast, and live in the partition's snapshot plus its journal (schema 5).
--
-- A partition's text key is stored once, in broadcast_recipient_partitions; its rows carry the bigint id. A 28-byte
-- text key on each of 2,000,000 rows (and in their primary key) made the COPY ~2x slower and the table ~40% larger.
-- COLLATE "C": keys compare byte by byte, whatever locale the database was created with.

CREATE TABLE broadcast_recipient_partitions
(
    partition_key  text      COLLATE "C" PRIMARY KEY,
    id             bigserial NOT NULL UNIQUE
);

-- The primary key is the keyset a partition reads by: (partition_id, idx) ranges, never an offset.
CREATE TABLE broadcast_recipients
(
    partition_id   bigint    NOT NULL,
    idx            integer   NOT NULL,
    -- E.164 digits, or 0 for an entry that is not a phone number (then text_value holds it as given)
    number         bigint    NOT NULL,
    text_value     text      NULL,
    -- the recipient's {{variables}}, parallel to the slice's variable names; NULL when it has none
    variables      text[]    NULL,
    PRIMARY KEY (partition_id, idx)
);
