// Uploads end to end, through the HTTP API of real Sieve processes: a CSV of phone numbers (a CRM export of
// about 100 bytes a row: id, names, the number in various spellings, a quoted company, city, date, note),
// from the start of the upload to results.csv fully downloaded.
//   server store: 1,000,000 rows (about 100 MB), `sieve serve` + one `sieve worker` on DATABASE_URL
//   embedded store: 200,000 rows, `sieve start`
// Baseline, same run: the phone engine alone (validate and serialise) over the same numbers, in this process.
// Memory: the serve process's resident set before the upload, its peak while it receives the file (the peak
// is reset first through /proc/<pid>/clear_refs), and its peak over the whole run.
// Usage: npx tsx bench/upload.ts [--pg postgres://postgres@127.0.0.1:5432/test] [--rows 1000000] [--embedded-rows 200000]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { validatePhone } from '../src/phone/phone-engine.js';
import { freePort, peakRssMb, rssMb, SIEVE_BIN, spawnNode, stop, waitForHttp, withDatabase, withDataDir } from './lib.js';

const arg = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const pgUrl = arg('--pg');
const serverRows = Number(arg('--rows') ?? 1_000_000);
const embeddedRows = Number(arg('--embedded-rows') ?? 200_000);
const ADMIN = 'bench-admin-token-0123456789';
const CITIES = ['Paris', 'Lyon', 'Marseille', 'Toulouse', 'Nantes', 'Lille', 'New York', 'Berlin'];

/** The number of row i, spelt as people write it; about 3% repeat an earlier row's number, 2% are junk. */
function phoneOf(i: number): string {
  const n = String(10_000_000 + (i % 90_000_000)).slice(-8);
  const pairs = n.replace(/(..)/g, '$1 ').trim();
  const r = i % 100;
  if (r < 2) return ['n/a', 'unknown', '-'][i % 3] as string;
  if (r < 5 && i > 1000) return phoneOf(i - 997).replace(/ /g, ''); // an earlier number again, spelt otherwise
  if (r < 40) return `+33 6 ${pairs}`;
  if (r < 70) return `06${n}`;
  if (r < 85) return `+1 415 ${n.slice(0, 3)} ${n.slice(3, 7)}`;
  return `+49 30 ${n}`;
}

function writeCsv(file: string, rows: number): { bytes: number; phones: string[] } {
  const out = fs.openSync(file, 'w');
  const phones: string[] = [];
  fs.writeSync(out, 'id,first_name,last_name,phone,company,city,created,note\r\n');
  let bytes = 0;
  for (let start = 0; start < rows; start += 10_000) {
    let text = '';
    for (let i = start; i < Math.min(rows, start + 10_000); i++) {
      const phone = phoneOf(i);
      phones.push(phone);
      text += `${i + 1},Name${i % 997},Surname${i % 4999},${phone},"Company ${i % 313}, Inc",${CITIES[i % CITIES.length]},2024-0${1 + (i % 9)}-1${i % 10},customer since ${2000 + (i % 24)}\r\n`;
    }
    bytes += fs.writeSync(out, text);
  }
  fs.closeSync(out);
  return { bytes, phones };
}

function engineBaseline(phones: string[]): number {
  for (const p of phones.slice(0, 20_000)) JSON.stringify(validatePhone(p, 'FR'));
  const started = performance.now();
  for (const p of phones) JSON.stringify(validatePhone(p, 'FR'));
  return performance.now() - started;
}

/** Resets the peak resident set of `pid` to its current one (Linux). */
const resetPeak = (pid: number) => fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');

async function run(url: string, servePid: number, file: string, rows: number, workerPid?: number) {
  const created = await fetch(`${url}/admin/v1/accounts`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ credits: rows + 10 }),
  });
  const key = ((await created.json()) as { api_key: string }).api_key;
  const auth = { authorization: `Bearer ${key}` };
  const before = rssMb(servePid);
  resetPeak(servePid);
  const t0 = performance.now();
  const res = await fetch(`${url}/api/v1/uploads?country=FR&filename=contacts.csv`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'text/csv' },
    body: Readable.toWeb(fs.createReadStream(file, { highWaterMark: 256 * 1024 })) as ReadableStream,
    duplex: 'half',
  } as RequestInit);
  const accepted = (await res.json()) as { batch_id: string; total: number; upload: Record<string, unknown> };
  if (res.status !== 202) throw new Error(JSON.stringify(accepted));
  const tUploaded = performance.now();
  const uploadPeak = peakRssMb(servePid);
  let status: { status: string; processed: number } = { status: 'queued', processed: 0 };
  const deadline = Date.now() + 30 * 60_000;
  while (status.status === 'queued' || status.status === 'processing') {
    if (Date.now() > deadline) throw new Error('the batch did not end in 30 minutes');
    await new Promise((r) => setTimeout(r, 200));
    status = (await (await fetch(`${url}/api/v1/batch/${accepted.batch_id}?limit=1`, { headers: auth })).json()) as typeof status;
  }
  if (status.status !== 'completed') throw new Error(JSON.stringify(status));
  const tChecked = performance.now();
  const download = await fetch(`${url}/api/v1/batch/${accepted.batch_id}/results.csv`, { headers: auth });
  let lines = 0;
  let bytes = 0;
  for await (const chunk of download.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    for (const b of chunk) if (b === 10) lines++;
  }
  const tEnd = performance.now();
  if (lines !== rows + 1) throw new Error(`results.csv has ${lines} lines, not ${rows + 1}`);
  return {
    accepted,
    seconds: { upload: (tUploaded - t0) / 1000, check: (tChecked - tUploaded) / 1000, download: (tEnd - tChecked) / 1000 },
    total: (tEnd - t0) / 1000,
    resultBytes: bytes,
    memory: { before, uploadPeak, runPeak: peakRssMb(servePid), worker: workerPid ? peakRssMb(workerPid) : undefined },
  };
}

async function withSieve<T>(
  role: 'start' | 'serve',
  env: Record<string, string>,
  fn: (url: string, pids: number[]) => Promise<T>,
) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const main = spawnNode([SIEVE_BIN, role], { ...env, PORT: String(port), ADMIN_TOKEN: ADMIN, LOG_LEVEL: 'warn' });
  const worker = role === 'serve' ? spawnNode([SIEVE_BIN, 'worker'], { ...env, LOG_LEVEL: 'warn' }) : undefined;
  try {
    await waitForHttp(`${url}/readyz`, 120_000);
    return await fn(url, [main.pid as number, ...(worker ? [worker.pid as number] : [])]);
  } finally {
    if (worker) await stop(worker);
    await stop(main);
  }
}

function report(name: string, rows: number, fileBytes: number, engineMs: number, r: Awaited<ReturnType<typeof run>>) {
  const mb = (n: number) => `${n.toFixed(0)} MB`;
  console.log(`\n${name}: ${rows.toLocaleString('en')} rows, ${(fileBytes / 1e6).toFixed(1)} MB file`);
  console.log(`  upload summary: ${JSON.stringify(r.accepted.upload)}`);
  console.log(
    `  upload → 202: ${r.seconds.upload.toFixed(1)} s; checked: ${r.seconds.check.toFixed(1)} s; results.csv (${(r.resultBytes / 1e6).toFixed(1)} MB): ${r.seconds.download.toFixed(1)} s`,
  );
  console.log(
    `  start of upload → results.csv downloaded: ${r.total.toFixed(1)} s = ${(r.total / (engineMs / 1000)).toFixed(2)}x the engine alone (${(engineMs / 1000).toFixed(1)} s; goal ≤ 3x)`,
  );
  console.log(
    `  serve process: ${mb(r.memory.before)} before the upload, peak ${mb(r.memory.uploadPeak)} while receiving it (+${mb(r.memory.uploadPeak - r.memory.before)}; goal ≤ +150 MB), peak ${mb(r.memory.runPeak)} over the run${r.memory.worker ? `; worker peak ${mb(r.memory.worker)}` : ''}`,
  );
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sieve-upload-bench-'));
try {
  console.log(
    `node ${process.version}, ${os.cpus().length} cores, load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  if (pgUrl) {
    const file = path.join(dir, 'server.csv');
    const { bytes, phones } = writeCsv(file, serverRows);
    const engine = engineBaseline(phones);
    phones.length = 0;
    const r = await withDatabase(pgUrl, (url) =>
      withSieve('serve', { DATABASE_URL: url }, (base, pids) => run(base, pids[0] as number, file, serverRows, pids[1])),
    );
    report('PostgreSQL server (sieve serve + sieve worker)', serverRows, bytes, engine, r);
  }
  const file = path.join(dir, 'embedded.csv');
  const { bytes, phones } = writeCsv(file, embeddedRows);
  const engine = engineBaseline(phones);
  const r = await withDataDir((data) =>
    withSieve('start', { DATA_DIR: data }, (base, pids) => run(base, pids[0] as number, file, embeddedRows)),
  );
  report('embedded store (sieve start)', embeddedRows, bytes, engine, r);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
