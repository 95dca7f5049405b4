import { useEffect, useRef, useState } from "react";
import type { Condition, KubeObject } from "./api";

/** Kubernetes quantities as numbers (cpu "500m" → 0.5, "1Gi" → 2^30), for bars only. */
export function quantity(value: string | undefined): number {
  if (!value) return 0;
  const m = /^([0-9.]+)([a-zA-Z]*)$/.exec(value.trim());
  if (!m) return Number(value) || 0;
  const n = parseFloat(m[1]);
  const units: Record<string, number> = {
    "": 1, m: 1e-3, k: 1e3, K: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15,
    Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50,
  };
  return n * (units[m[2]] ?? 1);
}

export function QuotaBar({ name, hard, used, allocated }: { name: string; hard?: string; used?: string; allocated?: string }) {
  const h = quantity(hard);
  const u = quantity(used);
  const a = quantity(allocated);
  const pct = (x: number) => (h > 0 ? Math.min(100, (x / h) * 100) : 0);
  const label = `${name}: used ${used ?? "0"}, given to children ${allocated ?? "0"}, of ${hard ?? "no limit"}`;
  return (
    <div className="quota" role="group" aria-label={label}>
      <div className="quota-name">{name}</div>
      <div className="quota-track" role="img" aria-label={label} title={label}>
        <div className="quota-used" style={{ width: `${pct(u)}%` }} />
        <div className="quota-allocated" style={{ width: `${Math.max(0, Math.min(100 - pct(u), pct(a)))}%` }} />
      </div>
      <div className="quota-figures">
        <span>used {used ?? "0"}</span> · <span>children {allocated ?? "0"}</span> · <span>hard {hard ?? "–"}</span>
      </div>
    </div>
  );
}

export function readyOf(object: KubeObject): Condition | undefined {
  return object.status?.conditions?.find((c) => c.type === "Ready");
}

export function StatusBadge({ object }: { object: KubeObject }) {
  if (object.metadata.deletionTimestamp) return <span className="badge badge-warn">Deleting</span>;
  const ready = readyOf(object);
  if (!ready) return <span className="badge badge-unknown">Pending</span>;
  const cls = ready.status === "True" ? "badge-ok" : ready.status === "False" ? "badge-bad" : "badge-unknown";
  const text = ready.status === "True" ? "Ready" : ready.status === "False" ? "Not ready" : "Progressing";
  return (
    <span className={`badge ${cls}`} title={ready.message}>
      {text}
      {ready.reason ? ` · ${ready.reason}` : ""}
    </span>
  );
}

export function age(timestamp: string | undefined): string {
  if (!timestamp) return "";
  const s = Math.max(0, (Date.now() - Date.parse(timestamp)) / 1000);
  if (s < 60) return `${Math.floor(s)}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m`;
  if (s < 86400) return `${Math.floor(s / 3600)}h`;
  return `${Math.floor(s / 86400)}d`;
}

/** A modal confirmation (native <dialog>: focus trapped, Escape cancels). */
export function Confirm({
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
}: {
  title: string;
  children: React.ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="confirm-title" onCancel={onCancel}>
      <h2 id="confirm-title">{title}</h2>
      <div>{children}</div>
      <div className="row end">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        {/* showModal() focuses Cancel, the first button: a stray Enter deletes nothing */}
        <button type="button" className="danger" onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}

export function ErrorNote({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <p className="error" role="alert">
      {(error as Error).message ?? String(error)}
    </p>
  );
}

export function useAsync<T>(load: () => Promise<T>, deps: unknown[]): { data: T | undefined; error: unknown; reload: () => void } {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [n, setN] = useState(0);
  useEffect(() => {
    let live = true;
    setError(undefined);
    load().then(
      (d) => live && setData(d),
      (e) => live && setError(e),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, n]);
  return { data, error, reload: () => setN((x) => x + 1) };
}
