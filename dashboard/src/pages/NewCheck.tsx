import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type DragEvent, useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { client, type Json, unwrap } from '../api';
import { ErrorNote, num, TableWrap } from '../ui';

type Preview = Json<'createUpload'>;
interface Options {
  column: string;
  kind: '' | 'phone' | 'email';
  country: string;
}

/** The query of POST /api/v1/uploads for these options (empty ones are left to the server's detection). */
function uploadQuery(fileName: string, options: Options, dryRun: boolean) {
  return {
    filename: fileName,
    dry_run: dryRun,
    ...(options.column !== '' ? { column: options.column } : {}),
    ...(options.kind ? { kind: options.kind } : {}),
    ...(options.country.trim() ? { country: options.country.trim().toUpperCase() } : {}),
  };
}

async function send(body: Blob, fileName: string, options: Options, dryRun: boolean, idempotencyKey?: string) {
  return client.POST('/api/v1/uploads', {
    params: {
      query: uploadQuery(fileName, options, dryRun),
      ...(idempotencyKey ? { header: { 'idempotency-key': idempotencyKey } } : {}),
    },
    // The file's bytes as they are: the server detects the encoding, delimiter, header and column.
    body: body as unknown as string,
    bodySerializer: (b: unknown) => b as BodyInit,
    headers: { 'content-type': 'text/csv' },
  });
}

export default function NewCheck() {
  const ids = useId();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [pasted, setPasted] = useState('');
  const [over, setOver] = useState(false);
  const [options, setOptions] = useState<Options>({ column: '', kind: '', country: '' });

  const source = (): { body: Blob; name: string } | null => {
    if (file) return { body: file, name: file.name };
    if (pasted.trim()) return { body: new Blob([pasted], { type: 'text/plain' }), name: 'pasted-list.txt' };
    return null;
  };

  const preview = useMutation({
    mutationFn: async (opts: Options) => {
      const input = source();
      if (!input) throw new Error('Choose a file or paste a list first');
      return unwrap(await send(input.body, input.name, opts, true)) as Preview;
    },
  });
  const start = useMutation({
    mutationFn: async () => {
      const input = source();
      if (!input) throw new Error('Choose a file or paste a list first');
      const accepted = unwrap(await send(input.body, input.name, options, false, crypto.randomUUID()));
      return accepted as unknown as { batch_id: string };
    },
    onSuccess: async (accepted) => {
      await queries.invalidateQueries({ queryKey: ['usage'] });
      await queries.invalidateQueries({ queryKey: ['batches'] });
      void navigate(`/batches/${accepted.batch_id}`);
    },
  });

  const choose = (chosen: File | null) => {
    setFile(chosen);
    setOptions({ column: '', kind: '', country: '' });
    preview.reset();
    if (chosen) preview.mutate({ column: '', kind: '', country: '' });
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) choose(dropped);
  };
  const change = (next: Partial<Options>) => {
    const merged = { ...options, ...next };
    setOptions(merged);
    if (source()) preview.mutate(merged);
  };

  const p = preview.data;
  const short = p ? p.credits_needed - p.credits_remaining : 0;
  return (
    <>
      <h1>New check</h1>
      <section className="card" aria-labelledby={`${ids}-in`}>
        <h2 id={`${ids}-in`}>1. Your list</h2>
        <div
          className={`dropzone${over ? ' over' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={onDrop}
        >
          <p>Drop a CSV or text file here, or</p>
          <label htmlFor={`${ids}-file`}>Choose a file</label>
          <input
            id={`${ids}-file`}
            type="file"
            accept=".csv,.txt,.tsv,text/csv,text/plain"
            onChange={(e) => choose(e.target.files?.[0] ?? null)}
          />
          {file && <p>Chosen: {file.name}</p>}
        </div>
        <label htmlFor={`${ids}-paste`}>Or paste numbers or addresses, one a line</label>
        <textarea id={`${ids}-paste`} value={pasted} disabled={file !== null} onChange={(e) => setPasted(e.target.value)} />
        <p>
          <button type="button" onClick={() => preview.mutate(options)} disabled={!file && !pasted.trim()}>
            Preview
          </button>{' '}
          {file && (
            <button type="button" className="secondary" onClick={() => choose(null)}>
              Clear the file
            </button>
          )}
        </p>
      </section>

      {preview.isError && <ErrorNote error={preview.error} />}
      {p && (
        <section className="card" aria-labelledby={`${ids}-pv`} aria-live="polite">
          <h2 id={`${ids}-pv`}>2. What Sieve found (nothing charged yet)</h2>
          <div className="row">
            <div>
              <label htmlFor={`${ids}-col`}>Column to check</label>
              <select id={`${ids}-col`} value={String(p.column.index)} onChange={(e) => change({ column: e.target.value })}>
                {p.columns.map((name, i) => (
                  <option key={i} value={String(i)}>
                    {name}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor={`${ids}-kind`}>Kind</label>
              <select
                id={`${ids}-kind`}
                value={options.kind || p.kind}
                onChange={(e) => change({ kind: e.target.value as Options['kind'] })}
              >
                <option value="phone">Phone numbers</option>
                <option value="email">Email addresses</option>
              </select>
            </div>
            {(options.kind || p.kind) === 'phone' && (
              <div>
                <label htmlFor={`${ids}-cc`}>Country of numbers without +code</label>
                <input
                  id={`${ids}-cc`}
                  type="text"
                  size={4}
                  maxLength={2}
                  placeholder="US"
                  value={options.country}
                  onChange={(e) => setOptions({ ...options, country: e.target.value })}
                  onBlur={() => change({})}
                />
              </div>
            )}
          </div>
          <dl className="grid" data-testid="preview-counts">
            {(
              [
                ['Rows', p.rows],
                ['Distinct', p.distinct],
                ['Duplicates', p.duplicates],
                ['Malformed', p.malformed],
                ['Empty', p.empty],
                ['Credits needed', p.credits_needed],
              ] as const
            ).map(([label, value]) => (
              <div key={label}>
                <dt className="muted">{label}</dt>
                <dd className="figure">{num(value)}</dd>
              </div>
            ))}
          </dl>
          {p.sample.length > 0 && (
            <TableWrap label="First rows">
              <table>
                <caption className="muted">The first rows, and the value Sieve will check</caption>
                <thead>
                  <tr>
                    <th scope="col">Row</th>
                    <th scope="col">Value</th>
                    {p.columns.map((c, i) => (
                      <th scope="col" key={i}>
                        {c}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {p.sample.map((s) => (
                    <tr key={s.row}>
                      <td>{s.row}</td>
                      <td>
                        <strong>{s.value ?? '—'}</strong>
                      </td>
                      {s.fields.map((f, i) => (
                        <td key={i}>{f}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
          <h2>3. Start</h2>
          {short > 0 ? (
            <p className="warn" role="alert">
              Not enough credits: this list needs {num(p.credits_needed)} and you have {num(p.credits_remaining)}. You are{' '}
              {num(short)} short, so nothing will start and nothing is charged. Ask for more credits, or check a shorter list.
            </p>
          ) : (
            <p>
              Starting charges {num(p.credits_needed)} credits now; you will have {num(p.credits_remaining - p.credits_needed)}{' '}
              left. Credits of items that cannot be checked are given back.
            </p>
          )}
          <button type="button" onClick={() => start.mutate()} disabled={short > 0 || start.isPending || preview.isPending}>
            Start the check
          </button>
          {start.isError && <ErrorNote error={start.error} />}
        </section>
      )}
    </>
  );
}
