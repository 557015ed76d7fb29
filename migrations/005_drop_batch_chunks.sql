-- The number of chunk jobs of a batch was stored but never read: batch_items holds one row per chunk.
alter table batches drop column if exists chunks;
