-- Items of an active batch that wait for a later round (greylisted addresses, temporary SMTP failures), by
-- chunk: {"<chunk>": {"items": 20, "reason": "greylisted", "next_attempt_at": "<ISO time>"}}. Written in the
-- transaction that writes the chunk's results and schedules its next round; a chunk's entry goes when it has
-- nothing left to retry. Shown by GET /api/v1/batch/{id} and the batch list as `waiting`.
alter table batches add column waiting jsonb not null default '{}'::jsonb;
