import type { ReactNode } from 'react';

/** The frame every activity card shares: a labelled section with a header and an optional body. */
export function CardShell({ kind, label, header, children }: { kind: string; label: string; header: ReactNode; children?: ReactNode }) {
  return (
    <section className={`cc-card cc-card-${kind}`} aria-label={label} data-kind={kind} style={{ border: '1px solid var(--cc-border, #e5e5e5)', borderRadius: 6, padding: '6px 10px', margin: '4px 0' }}>
      {header}
      {children ? <div className="cc-card-body" style={{ marginTop: 6 }}>{children}</div> : null}
    </section>
  );
}
