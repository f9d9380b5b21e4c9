import { useCallback, useEffect, useRef, useState } from 'react';
import { AUDIT_CSV_PATH, type AuditQuery, type AuditRow } from '../../src/protocol/index.js';
import { useCodexRuntime } from '../provider.js';

/** Audit rows of a query (audit.list), newest first, a page at a time. */
export type AuditRows = {
  rows: AuditRow[];
  /** A page is being read (the first, or the next after loadMore). */
  loading: boolean;
  /** Why the last read failed (kept until the next read). */
  error: string | null;
  /** The hub has older rows: loadMore reads them. */
  hasMore: boolean;
  loadMore(): void;
};

/** Reads the first page whenever the query changes (a stale answer is dropped), then older pages on demand. */
export function useAuditRows(query: AuditQuery): AuditRows {
  const { api } = useCodexRuntime();
  const key = JSON.stringify(query);
  const [state, setState] = useState<{ key: string; rows: AuditRow[]; next?: string; loading: boolean; error: string | null }>({ key, rows: [], loading: true, error: null });
  const latest = useRef(key);
  latest.current = key;
  const read = useCallback(
    (before: string | undefined, rows: AuditRow[]) => {
      if (!api) return setState({ key, rows, loading: false, error: 'No hub connection.' });
      setState((previous) => ({ ...previous, key, rows, loading: true, error: null }));
      const params: AuditQuery = { ...(JSON.parse(key) as AuditQuery), ...(before ? { before } : {}) };
      api.call('audit.list', params).then(
        (page) => latest.current === key && setState({ key, rows: [...rows, ...page.rows], next: page.next, loading: false, error: null }),
        (error: unknown) => latest.current === key && setState({ key, rows, loading: false, error: error instanceof Error ? error.message : String(error) }),
      );
    },
    [api, key],
  );
  useEffect(() => read(undefined, []), [read]);
  const current = state.key === key ? state : { rows: [], loading: true, error: null, next: undefined };
  return {
    rows: current.rows,
    loading: current.loading,
    error: current.error,
    hasMore: current.next !== undefined,
    loadMore: () => {
      if (!current.loading && current.next !== undefined) read(current.next, current.rows);
    },
  };
}

/** The CSV export link of a query (same origin as the page; the hub checks the login and membership). */
export function auditCsvHref(query: AuditQuery): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || name === 'before' || name === 'limit') continue;
    search.set(name, Array.isArray(value) ? value.join(',') : String(value));
  }
  const text = search.toString();
  return text ? `${AUDIT_CSV_PATH}?${text}` : AUDIT_CSV_PATH;
}
