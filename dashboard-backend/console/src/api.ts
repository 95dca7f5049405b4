import { session } from "./auth";

/** A field the server refused: `spec.replicas` as the API server names it. */
export interface FieldError {
  field: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
  }
}

/** The API server's "... is invalid: spec.size: Invalid value: ...: why, spec.x: ..." as field errors. */
export function fieldsFromMessage(message: string): FieldError[] {
  const start = message.indexOf("is invalid: ");
  const body = start >= 0 ? message.slice(start + "is invalid: ".length) : message;
  const found: FieldError[] = [];
  const re = /((?:spec|metadata)(?:\.[A-Za-z0-9_-]+|\[[^\]]+\])*): /g;
  const marks: { field: string; at: number; end: number }[] = [];
  for (let m = re.exec(body); m; m = re.exec(body)) {
    // only at the start or after ", " / "[": the API server's list separators
    const before = body.slice(Math.max(0, m.index - 2), m.index);
    if (m.index === 0 || before === ", " || before.endsWith("[")) {
      marks.push({ field: m[1], at: m.index, end: m.index + m[0].length });
    }
  }
  marks.forEach((mark, i) => {
    const next = i + 1 < marks.length ? marks[i + 1].at : body.length;
    const text = body.slice(mark.end, next).replace(/^[\s,[\]]+|[\s,[\]]+$/g, "");
    if (!found.some((f) => f.field === mark.field && f.message === text)) {
      found.push({ field: mark.field, message: text });
    }
  });
  return found;
}

async function send(path: string, init: RequestInit, token: string | null): Promise<Response> {
  const headers = new Headers(init.headers);
  if (token) headers.set("Authorization", `Bearer ${token}`);
  if (init.body && !headers.has("Content-Type")) headers.set("Content-Type", "application/json");
  return fetch(path, { ...init, headers });
}

/** Calls the backend with the bearer token; a 401 refreshes once and retries, then the session has ended. */
export async function request(path: string, init: RequestInit = {}): Promise<Response> {
  let response = await send(path, init, await session.token());
  if (response.status === 401) {
    const renewed = await session.refused();
    if (!renewed) throw new ApiError(401, "session_expired", "Your session has ended: sign in again.");
    response = await send(path, init, renewed);
  }
  if (!response.ok) {
    let code = "http_" + response.status;
    let message = response.statusText || `HTTP ${response.status}`;
    let fields: FieldError[] = [];
    try {
      const body = await response.json();
      code = body.error ?? code;
      message = body.message ?? message;
      fields = Array.isArray(body.fields) ? body.fields : fieldsFromMessage(message);
    } catch {
      // not JSON
    }
    throw new ApiError(response.status, code, message, fields);
  }
  return response;
}

export async function getJson<T>(path: string): Promise<T> {
  return (await request(path)).json();
}

export async function sendJson<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await request(path, { method, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  return (text ? JSON.parse(text) : {}) as T;
}

/** Saves what the backend answers (a kubeconfig) as a file. */
export async function download(path: string, filename: string): Promise<void> {
  const response = await request(path);
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// ---- the backend's shapes (docs/dashboard-backend.md)

export interface Me {
  username: string;
  groups: string[];
  kubernetesUsername: string;
  kubernetesGroups: string[];
  tenants: { namespace: string; parent: string | null; level: string }[];
}

export type Quantities = Record<string, string>;

export interface TenantInfo {
  namespace: string;
  name: string;
  parent: string | null;
  level: string;
  host?: string;
  quota: { hard: Quantities; used: Quantities; allocated: Quantities };
}

export interface CatalogEntry {
  kind: string;
  plural: string;
  singular?: string;
  title: string;
  titlePlural?: string;
  description?: string;
  category?: string;
  tags?: string[];
  icon?: string | null;
  module?: boolean;
  schema: Record<string, unknown>;
  uiSchema?: Record<string, unknown>;
  immutable?: string[];
  secretFields?: string[];
}

export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: {
    name: string;
    namespace?: string;
    uid?: string;
    resourceVersion?: string;
    creationTimestamp?: string;
    deletionTimestamp?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    [key: string]: unknown;
  };
  spec?: Record<string, unknown>;
  status?: {
    conditions?: Condition[];
    version?: string;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

export interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
}

export interface DiffOp {
  op: string;
  path: string;
  from?: unknown;
  /** the replaced value (zjsonpatch's ADD_ORIGINAL_VALUE_ON_REPLACE) */
  fromValue?: unknown;
  value?: unknown;
}

export interface DryRun {
  object: KubeObject;
  diff: DiffOp[];
}

export interface Exposed {
  services: {
    name: string;
    type: string;
    clusterIP?: string;
    ports: { name?: string; port: number; protocol?: string }[];
    external?: string[];
  }[];
  secrets: { name: string; data: Record<string, string> }[];
}

export const tenantPath = (ns: string) => `/api/v1/tenants/${encodeURIComponent(ns)}`;
export const appsPath = (ns: string, plural: string, name?: string) =>
  `${tenantPath(ns)}/apps/${encodeURIComponent(plural)}${name ? "/" + encodeURIComponent(name) : ""}`;
