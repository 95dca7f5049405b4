import { useMemo, useState } from "react";
import { useConsole, type TenantLive } from "../state";
import { href } from "../router";
import { age, StatusBadge } from "../ui";

/** Every Hearth object of the tenant but its child tenants, live from the tenant's event stream. */
export function AppList({ ns, live }: { ns: string; live: TenantLive }) {
  const { pluralOf, kindOf } = useConsole();
  const [filter, setFilter] = useState("");
  const rows = useMemo(() => {
    const f = filter.trim().toLowerCase();
    return [...live.objects.values()]
      .filter((o) => o.kind !== "Tenant")
      .filter((o) => !f || o.object.metadata.name.toLowerCase().includes(f) || o.kind.toLowerCase().includes(f))
      .sort((x, y) => x.kind.localeCompare(y.kind) || x.object.metadata.name.localeCompare(y.object.metadata.name));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [live.version, filter]);

  return (
    <section aria-labelledby="apps-title" data-page="apps">
      <div className="row between">
        <h1 id="apps-title">Apps in {ns}</h1>
        <span className={`stream stream-${live.status}`} role="status" aria-live="polite">
          {live.status === "live" ? "● live" : live.status === "refused" ? `stream refused: ${live.detail}` : `${live.status}…`}
        </span>
      </div>
      <div className="row">
        <label htmlFor="app-filter">Filter</label>
        <input id="app-filter" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="name or kind" />
        <a className="button primary" href={href("t", ns, "marketplace")}>
          Marketplace
        </a>
      </div>
      {!live.synced && live.objects.size === 0 ? (
        <p aria-busy="true">Loading…</p>
      ) : rows.length === 0 ? (
        <p>No apps here yet.</p>
      ) : (
        <div className="table-wrap">
          <table className="apps" data-testid="app-table" data-rows={rows.length}>
            <caption className="sr-only">Apps of {ns}</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Kind</th>
                <th scope="col">Status</th>
                <th scope="col">Version</th>
                <th scope="col">Age</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ kind, object }) => {
                const plural = pluralOf(kind);
                return (
                  <tr key={`${kind}/${object.metadata.name}`} data-app={object.metadata.name}>
                    <td>
                      <a href={href("t", ns, "apps", plural, object.metadata.name)}>{object.metadata.name}</a>
                    </td>
                    <td>{kindOf(plural)?.title ?? kind}</td>
                    <td>
                      <StatusBadge object={object} />
                    </td>
                    <td>{object.status?.version ?? ""}</td>
                    <td>{age(object.metadata.creationTimestamp)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
