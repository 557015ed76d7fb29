-- Uploaded files as batches, and what an upload keeps of the file.
--
-- A batch now says how it came (`source`: a list sent to validate-async, or an uploaded file) and, for an
-- upload, the file's name and what was detected or given (column, kind, delimiter, header, counts).
alter table batches add column source text not null default 'api' check (source in ('api', 'upload'));
alter table batches add column file_name text;
alter table batches add column upload jsonb;
-- An upload whose every row is empty, malformed or a duplicate has no item to check: a batch of none,
-- completed at once, whose results are its rows.
alter table batches drop constraint if exists batches_total_check;
alter table batches add constraint batches_total_check check (total >= 0);

-- Items with a fallback country of their own (an upload's country column): countries[i] for inputs[i].
alter table batch_items add column countries text[];

-- The rows of an uploaded file as they were, a part of consecutive rows per row of the table (like items,
-- never the whole file in one value), partitioned by the day of their batch and dropped with its items.
create table upload_rows (
  created_at  timestamptz not null,   -- the batch's created_at (the partition key)
  batch_id    text not null,
  part        integer not null,       -- 0, 1, ... in file order
  first_row   integer not null,       -- the 1-based data row number of the part's first row
  fields      text not null,          -- JSON array of the rows, each an array of its fields as read (decoded text)
  seqs        integer[] not null,     -- the item each row is (its seq), or -1 when the row is not checked
  duplicate_of integer[] not null,    -- the row whose item this row repeats, or 0
  issues      text[] not null,        -- null, or why the row is not checked: empty, missing_field, not_a_number, invalid_syntax
  primary key (batch_id, part, created_at)
) partition by range (created_at);
create table upload_rows_default partition of upload_rows default;
