-- Every answer the carrier gave about a message (messaging package), kept for its timeline:
-- each segment's submit_sm_resp (carrier id, command_status), a submit left unanswered when the
-- link dropped, and every delivery receipt's stat and err, segment by segment. message_segments
-- keeps only each segment's latest state; this keeps all of them. One insert per answer, in the
-- transaction that applies it.
create table message_carrier_answers (
    id                 varchar(40)  primary key,
    message_id         varchar(40)  not null,
    segment_index      int,
    kind               varchar(16)  not null,
    carrier_message_id varchar(80),
    command_status     int,
    stat               varchar(8),
    err                varchar(16),
    detail             varchar(200),
    answered_at        timestamp with time zone not null
);
create index message_carrier_answers_message on message_carrier_answers (message_id, answered_at);
