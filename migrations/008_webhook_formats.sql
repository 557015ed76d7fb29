-- Webhook formats: how a delivery's body looks, how it is signed and which answers are retried. An endpoint
-- has one (with its own extra headers, signature header name, retry schedule and timeout); a batch's own
-- webhook_url has one per request; every delivery keeps the format it was made in.

alter table webhook_endpoints add column format text not null default 'standard';
alter table webhook_endpoints add column headers jsonb not null default '[]';   -- [{name, value}]: values write-only
alter table webhook_endpoints add column signature_header text;                 -- the events format's header (X-Signature when null)
alter table webhook_endpoints add column retry_schedule integer[];              -- seconds before each retry; null: the format's
alter table webhook_endpoints add column timeout_seconds integer;               -- null: the format's

alter table batches add column webhook_format text not null default 'batch';
alter table batches add column webhook_headers jsonb;                           -- [{name, value}] for the batch's webhook_url

alter table webhook_deliveries add column format text not null default 'standard';
alter table webhook_deliveries add column payload text;                         -- a body of its own (the format's), else the event's
alter table webhook_deliveries add column headers jsonb;                        -- extra headers of a delivery made for one request (/validate)
update webhook_deliveries set format = 'batch' where kind = 'callback';
