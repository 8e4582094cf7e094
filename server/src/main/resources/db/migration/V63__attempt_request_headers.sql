-- The exact request headers of each attempt (signatures included, which depend on the attempt's
-- time and the endpoint's secrets then), so the portal can show what was sent.
alter table delivery_attempts add column request_headers varchar(8000);
