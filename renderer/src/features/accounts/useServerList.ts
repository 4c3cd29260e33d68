// A list read from the server while the page is open: loaded when the connection is there, again
// on demand, and with one row replaced by what an action answered.
import { useCallback, useEffect, useState } from 'react';

export interface ServerList<T> {
  items: T[];
  loading: boolean;
  /** In Chinese, why the list could not be loaded. */
  error: string | null;
  reload: () => void;
  replace: (item: T) => void;
}

export function useServerList<T extends { id: string }>(load: ((signal: AbortSignal) => Promise<T[]>) | null): ServerList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [round, setRound] = useState(0);

  useEffect(() => {
    if (!load) return;
    const controller = new AbortController();
    setLoading(true);
    load(controller.signal)
      .then((loaded) => {
        setItems(loaded);
        setError(null);
      })
      .catch((failure: unknown) => {
        if (!controller.signal.aborted) setError(failure instanceof Error ? failure.message : String(failure));
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [load, round]);

  const reload = useCallback(() => setRound((n) => n + 1), []);
  const replace = useCallback((item: T) => setItems((current) => current.map((existing) => (existing.id === item.id ? item : existing))), []);
  return { items, loading, error, reload, replace };
}
