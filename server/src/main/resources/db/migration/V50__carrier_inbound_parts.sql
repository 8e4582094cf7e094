-- Parts of concatenated inbound messages, kept before the carrier gets its deliver_sm_resp (carrier package).
-- A group stays after its message was handed on (handed_on_at), for one reassembly timeout, so that late
-- duplicates of its parts are recognised.
create table carrier_part_groups (
    source        varchar(32)  not null,
    destination   varchar(32)  not null,
    reference     int          not null,
    sixteen_bit   boolean      not null,
    total         int          not null,
    first_part_at timestamp with time zone not null,
    handed_on_at  timestamp with time zone,
    primary key (source, destination, reference, sixteen_bit)
);
create index carrier_part_groups_first on carrier_part_groups (first_part_at);

create table carrier_parts (
    source      varchar(32)   not null,
    destination varchar(32)   not null,
    reference   int           not null,
    sixteen_bit boolean       not null,
    sequence    int           not null,
    text        varchar(2000) not null,
    primary key (source, destination, reference, sixteen_bit, sequence)
);
