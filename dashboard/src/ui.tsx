// Small shared pieces: status and error notes read out by screen readers, the copy button, formats.
import { type ReactNode, useState } from 'react';
import { errorText } from './api';

export function Loading({ label = 'Loading' }: { label?: string }) {
  return (
    <p role="status" className="muted">
      {label}…
    </p>
  );
}

export function ErrorNote({ error }: { error: unknown }) {
  return (
    <p role="alert" className="error">
      {errorText(error)}
    </p>
  );
}

export function CopyButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <>
      <button
        type="button"
        className="secondary"
        onClick={() => {
          void navigator.clipboard.writeText(text).then(() => setCopied(true));
        }}
      >
        {label}
      </button>
      <span role="status" className="muted">
        {copied ? ' Copied' : ''}
      </span>
    </>
  );
}

/** A value shown once (a new key, a signing secret), with its copy button. */
export function ShownOnce({ title, value }: { title: string; value: string }) {
  return (
    <section className="once" aria-label={title}>
      <h3>{title}</h3>
      <p>Copy it now: it is shown only this once.</p>
      <p>
        <code className="secret" data-testid="shown-once">
          {value}
        </code>{' '}
        <CopyButton text={value} label="Copy" />
      </p>
    </section>
  );
}

const numbers = new Intl.NumberFormat('en');
export const num = (n: number) => numbers.format(n);
export const when = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString('en-GB') : '—');
export const day = (iso: string) => new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short' });

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge badge-${status}`}>{status}</span>;
}

/** A table that may scroll sideways: a named region that keyboard users can focus and scroll. */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
