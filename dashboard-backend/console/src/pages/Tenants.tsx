import { useState } from "react";
import { appsPath, sendJson, type TenantInfo } from "../api";
import { useConsole, useTenantActions } from "../state";
import { href } from "../router";
import { Confirm, ErrorNote, QuotaBar, quantity } from "../ui";

/** The tenants the user may see as a tree, with quotas and the user's level; child tenants made and deleted here. */
export function Tenants() {
  const { tenants, reloadTenants } = useConsole();
  const visible = new Set(tenants.map((t) => t.namespace));
  const roots = tenants.filter((t) => !t.parent || !visible.has(t.parent));
  return (
    <section aria-labelledby="tenants-title" data-page="tenants">
      <h1 id="tenants-title">Tenants</h1>
      {tenants.length === 0 && <p>You hold no level in any tenant.</p>}
      <p className="legend">
        <span className="swatch quota-used" aria-hidden="true" /> used in the tenant ·{" "}
        <span className="swatch quota-allocated" aria-hidden="true" /> given to its children · the whole bar: its hard quota
      </p>
      <ul className="tree" aria-label="Tenant tree">
        {roots.map((t) => (
          <TenantNode key={t.namespace} tenant={t} all={tenants} reload={reloadTenants} />
        ))}
      </ul>
    </section>
  );
}

function TenantNode({ tenant, all, reload }: { tenant: TenantInfo; all: TenantInfo[]; reload: () => Promise<void> }) {
  const children = all.filter((t) => t.parent === tenant.namespace);
  const parent = all.find((t) => t.namespace === tenant.parent);
  const may = useTenantActions(tenant.namespace);
  const mayInParent = useTenantActions(parent?.namespace);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<unknown>();
  // what the tenant declares, and what it uses without a declared limit
  const used = tenant.quota?.used ?? {};
  const resources = [
    ...new Set([...Object.keys(tenant.quota?.hard ?? {}), ...Object.keys(used).filter((r) => quantity(used[r]) > 0)]),
  ].sort();
  // deleting a child is an action in its parent; a parent the user cannot see means no right there either
  const canDelete = parent ? mayInParent("tenants", "delete") : false;

  const remove = async () => {
    setDeleting(false);
    try {
      await sendJson("DELETE", appsPath(tenant.parent!, "tenants", tenant.name));
      await reload();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <li className="tenant" data-tenant={tenant.namespace}>
      <div className="tenant-head row between wrap">
        <h2 className="tenant-name">
          <a href={href("t", tenant.namespace, "apps")}>{tenant.namespace}</a> <span className="badge" title="your level">{tenant.level}</span>
        </h2>
        <div className="row">
          {may("tenants", "create") && (
            <button type="button" onClick={() => setCreating(!creating)} aria-expanded={creating}>
              New child tenant
            </button>
          )}
          {canDelete && (
            <button type="button" className="danger" onClick={() => setDeleting(true)}>
              Delete
            </button>
          )}
        </div>
      </div>
      {tenant.host && <p className="muted">host {tenant.host}</p>}
      <div className="quotas">
        {resources.length === 0 && <p className="muted">No quota declared.</p>}
        {resources.map((r) => (
          <QuotaBar key={r} name={r} hard={tenant.quota.hard?.[r]} used={tenant.quota.used?.[r]} allocated={tenant.quota.allocated?.[r]} />
        ))}
      </div>
      <ErrorNote error={error} />
      {creating && <NewChild parent={tenant} done={async () => { setCreating(false); await reload(); }} />}
      {deleting && (
        <Confirm title={`Delete tenant ${tenant.namespace}?`} confirmLabel="Delete tenant" onConfirm={() => void remove()} onCancel={() => setDeleting(false)}>
          <p>Every app, VM and cluster in {tenant.namespace} and its children is deleted with it.</p>
        </Confirm>
      )}
      {children.length > 0 && (
        <ul aria-label={`Children of ${tenant.namespace}`}>
          {children.map((c) => (
            <TenantNode key={c.namespace} tenant={c} all={all} reload={reload} />
          ))}
        </ul>
      )}
    </li>
  );
}

function NewChild({ parent, done }: { parent: TenantInfo; done: () => Promise<void> }) {
  const [name, setName] = useState("");
  // a child declares every resource its parent is bound by (tenant-service refuses it otherwise)
  const hard = parent.quota?.hard ?? {};
  const [quota, setQuota] = useState<Record<string, string>>(() =>
    Object.fromEntries(Object.keys(hard).sort().map((r) => [r, ""])),
  );
  const left = (r: string) => {
    if (/[a-zA-Z]/.test(hard[r] ?? "")) return null;
    const n = quantity(hard[r]) - quantity(parent.quota.used?.[r]) - quantity(parent.quota.allocated?.[r]);
    return Number.isFinite(n) ? Math.max(0, Math.round(n * 1000) / 1000) : null;
  };
  const [error, setError] = useState<unknown>();
  // tenant-service refuses dashes: they separate the path in the namespace name
  const valid = /^[a-z][a-z0-9]{0,30}$/.test(name);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!valid) return;
    const resourceQuotas = Object.fromEntries(Object.entries(quota).filter(([, v]) => v.trim()));
    try {
      await sendJson("POST", appsPath(parent.namespace, "tenants"), { metadata: { name }, spec: { resourceQuotas } });
      await done();
    } catch (err) {
      setError(err);
    }
  };
  const id = `child-${parent.namespace}`;
  return (
    <form className="panel" onSubmit={submit} aria-label={`New child tenant of ${parent.namespace}`}>
      <div className="field">
        <label htmlFor={`${id}-name`}>Name</label>
        <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} aria-describedby={`${id}-name-help`} aria-invalid={name !== "" && !valid} required />
        <small id={`${id}-name-help`}>
          Lowercase letters and digits (no dashes); the namespace becomes {parent.namespace}-{name || "…"}.
        </small>
      </div>
      {Object.keys(quota).map((r) => (
        <div className="field" key={r}>
          <label htmlFor={`${id}-${r}`}>Quota {r}</label>
          <input
            id={`${id}-${r}`}
            value={quota[r]}
            required
            aria-describedby={`${id}-${r}-help`}
            onChange={(e) => setQuota({ ...quota, [r]: e.target.value })}
          />
          <small id={`${id}-${r}-help`}>
            {left(r) !== null ? `${parent.namespace} has ${left(r)} left of ${hard[r]}` : `${parent.namespace} declares ${hard[r]}`}
          </small>
        </div>
      ))}
      <ErrorNote error={error} />
      <button type="submit" className="primary" disabled={!valid}>
        Create
      </button>
    </form>
  );
}


