import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import { ApiError, getJson, tenantPath, appsPath, type CatalogEntry, type KubeObject, type Me, type TenantInfo } from "./api";
import { openStream, type StreamStatus } from "./sse";

export interface ConsoleData {
  me: Me | null;
  tenants: TenantInfo[];
  catalog: CatalogEntry[];
  catalogError: string | null;
  error: string | null;
  reloadTenants: () => Promise<void>;
  kindOf: (plural: string) => CatalogEntry | undefined;
  pluralOf: (kind: string) => string;
}

const Ctx = createContext<ConsoleData | null>(null);

export function useConsole(): ConsoleData {
  const value = useContext(Ctx);
  if (!value) throw new Error("no console data");
  return value;
}

/** The kinds every platform has even without the catalog endpoint (their CRDs come from platform-core). */
const BUILT_IN: Record<string, string> = {
  Tenant: "tenants",
  VMDisk: "vmdisks",
  VMInstance: "vminstances",
  Kubernetes: "kuberneteses",
  Postgres: "postgreses",
};

export function ConsoleProvider({ children }: { children: React.ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [tenants, setTenants] = useState<TenantInfo[]>([]);
  const [catalog, setCatalog] = useState<CatalogEntry[]>([]);
  const [catalogError, setCatalogError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reloadTenants = useCallback(async () => {
    try {
      setTenants(await getJson<TenantInfo[]>("/api/v1/tenants"));
    } catch (e) {
      setError((e as Error).message);
    }
  }, []);

  useEffect(() => {
    getJson<Me>("/api/v1/me").then(setMe, (e) => setError((e as Error).message));
    void reloadTenants();
    getJson<CatalogEntry[]>("/api/v1/catalog").then(setCatalog, (e: ApiError) =>
      setCatalogError(e.status === 404 ? "This backend serves no catalog yet." : e.message),
    );
  }, [reloadTenants]);

  const value = useMemo<ConsoleData>(() => {
    const byPlural = new Map(catalog.map((c) => [c.plural, c]));
    const byKind = new Map(catalog.map((c) => [c.kind, c.plural]));
    return {
      me,
      tenants,
      catalog,
      catalogError,
      error,
      reloadTenants,
      kindOf: (plural) => byPlural.get(plural),
      pluralOf: (kind) =>
        byKind.get(kind) ?? BUILT_IN[kind] ?? (kind.toLowerCase().endsWith("s") ? kind.toLowerCase() + "es" : kind.toLowerCase() + "s"),
    };
  }, [me, tenants, catalog, catalogError, error, reloadTenants]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

// ---- what a level may do when the backend's actions endpoints are not there (the server still decides)

const LEVELS = ["view", "use", "admin", "super-admin"];
export function levelRank(level: string | undefined): number {
  return LEVELS.indexOf(level ?? "");
}
function guessedObjectActions(level: string | undefined, plural: string): string[] {
  const rank = levelRank(level);
  const actions: string[] = [];
  if (rank >= 0) actions.push("get");
  if (rank >= 1 && plural === "vminstances") actions.push("start", "stop", "console");
  const writer = plural === "tenants" ? 3 : 2;
  if (rank >= writer) actions.push("update", "delete");
  if (plural === "tenants" && rank >= 3) actions.push("create-child");
  return actions;
}

/** GET /tenants/{ns}/actions: per plural, the verbs the caller holds in the tenant (a backend without it: by level). */
export function useTenantActions(ns: string | undefined): (plural: string, action: string) => boolean {
  const { tenants } = useConsole();
  const [actions, setActions] = useState<Record<string, string[]> | "guess" | null>(null);
  useEffect(() => {
    setActions(null);
    if (!ns) return;
    let live = true;
    getJson<Record<string, string[]>>(`${tenantPath(ns)}/actions`).then(
      (a) => live && setActions(a),
      (e: ApiError) => live && setActions(e.status === 404 && !e.message.includes("no tenant namespace") ? "guess" : {}),
    );
    return () => {
      live = false;
    };
  }, [ns]);
  const level = tenants.find((t) => t.namespace === ns)?.level;
  return useCallback(
    (plural: string, action: string) => {
      if (actions === null) return false;
      if (actions !== "guess") return (actions[plural] ?? []).includes(action);
      const rank = levelRank(level);
      if (action === "list" || action === "get") return rank >= 0;
      if (plural === "tenants") return rank >= 3;
      return rank >= 2;
    },
    [actions, level],
  );
}

/** GET .../apps/{plural}/{name}/actions: what the caller may do with one object. */
export function useObjectActions(ns: string, plural: string, name: string): string[] | null {
  const { tenants } = useConsole();
  const [actions, setActions] = useState<string[] | null>(null);
  const level = tenants.find((t) => t.namespace === ns)?.level;
  useEffect(() => {
    let live = true;
    setActions(null);
    getJson<{ actions: string[] }>(`${appsPath(ns, plural, name)}/actions`).then(
      (a) => live && setActions(a.actions),
      (e: ApiError) => live && setActions(e.status === 404 || e.status === 405 ? guessedObjectActions(level, plural) : []),
    );
    return () => {
      live = false;
    };
  }, [ns, plural, name, level]);
  return actions;
}

// ---- a tenant's objects and Events, live

export interface TenantLive {
  objects: Map<string, { kind: string; object: KubeObject }>;
  events: KubeObject[];
  status: StreamStatus;
  detail?: string;
  synced: boolean;
  version: number;
}

export function useTenantStream(ns: string | undefined): TenantLive {
  const objects = useRef(new Map<string, { kind: string; object: KubeObject }>());
  const events = useRef<KubeObject[]>([]);
  const [version, setVersion] = useState(0);
  const [status, setStatus] = useState<StreamStatus>("connecting");
  const [detail, setDetail] = useState<string | undefined>();
  const [synced, setSynced] = useState(false);

  useEffect(() => {
    objects.current = new Map();
    events.current = [];
    setSynced(false);
    setVersion((v) => v + 1);
    if (!ns) return;
    let pending = false;
    const bump = () => {
      if (pending) return;
      pending = true;
      requestAnimationFrame(() => {
        pending = false;
        setVersion((v) => v + 1);
      });
    };
    const close = openStream(
      ns,
      (e) => {
        if (e.event === "relist") {
          objects.current = new Map();
          setSynced(false);
        } else if (e.event === "synced") {
          setSynced(true);
        } else if (e.event === "ADDED" || e.event === "MODIFIED" || e.event === "DELETED") {
          const body = JSON.parse(e.data) as { type: string; kind: string; object: KubeObject };
          if (body.kind === "Event") {
            if (e.event !== "DELETED") {
              events.current = [body.object, ...events.current.filter((x) => x.metadata.uid !== body.object.metadata.uid)].slice(0, 200);
            }
          } else {
            const key = `${body.kind}/${body.object.metadata.name}`;
            if (e.event === "DELETED") objects.current.delete(key);
            else objects.current.set(key, { kind: body.kind, object: body.object });
          }
        }
        bump();
      },
      (s, d) => {
        setStatus(s);
        setDetail(d);
      },
    );
    return close;
  }, [ns]);

  return { objects: objects.current, events: events.current, status, detail, synced, version };
}
