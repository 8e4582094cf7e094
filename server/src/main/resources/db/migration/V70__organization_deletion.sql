-- An organization removed with `voltmsg org delete`: it stays as the owner of its history
-- (messages, events, audit entries) until retention purges that, but no list, token or name sees it.
alter table organizations add column deleted_at timestamp with time zone;
