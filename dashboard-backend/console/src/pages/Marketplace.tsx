import { useMemo, useState } from "react";
import { useConsole, useTenantActions } from "../state";
import { href } from "../router";
import { ErrorNote } from "../ui";

/** The catalog as cards, by category, with tag filters and search. */
export function Marketplace({ ns }: { ns: string }) {
  const { catalog, catalogError } = useConsole();
  const may = useTenantActions(ns);
  const [query, setQuery] = useState("");
  const [tag, setTag] = useState<string | null>(null);
  // tenant modules belong to the tenant's settings, not the marketplace
  const entries = catalog.filter((c) => c.kind !== "Tenant" && !c.module);
  const tags = useMemo(() => [...new Set(entries.flatMap((c) => c.tags ?? []))].sort(), [entries]);
  const q = query.trim().toLowerCase();
  const shown = entries.filter(
    (c) =>
      (!tag || (c.tags ?? []).includes(tag)) &&
      (!q || [c.title, c.kind, c.description ?? "", ...(c.tags ?? [])].some((s) => s.toLowerCase().includes(q))),
  );
  const categories = [...new Set(shown.map((c) => c.category ?? "Other"))].sort();

  return (
    <section aria-labelledby="market-title" data-page="marketplace">
      <h1 id="market-title">Marketplace</h1>
      <ErrorNote error={catalogError ? new Error(catalogError) : null} />
      <div className="row wrap">
        <label htmlFor="market-search">Search</label>
        <input id="market-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Postgres, cache, queue…" />
      </div>
      {tags.length > 0 && (
        <div className="row wrap" role="group" aria-label="Tags">
          <button type="button" aria-pressed={tag === null} onClick={() => setTag(null)}>
            All
          </button>
          {tags.map((t) => (
            <button key={t} type="button" aria-pressed={tag === t} onClick={() => setTag(tag === t ? null : t)}>
              {t}
            </button>
          ))}
        </div>
      )}
      {categories.map((category) => (
        <section key={category} aria-labelledby={`cat-${category}`}>
          <h2 id={`cat-${category}`}>{category}</h2>
          <ul className="cards">
            {shown
              .filter((c) => (c.category ?? "Other") === category)
              .map((c) => (
                <li key={c.plural} className="card" data-kind={c.kind}>
                  <div className="card-head">
                    {c.icon ? <img src={c.icon} alt="" width={32} height={32} /> : <span className="icon-placeholder" aria-hidden="true">{c.title[0]}</span>}
                    <h3>{c.title}</h3>
                  </div>
                  <p>{c.description}</p>
                  <p className="tags">{(c.tags ?? []).map((t) => <span key={t} className="tag">{t}</span>)}</p>
                  {may(c.plural, "create") ? (
                    <a className="button primary" href={href("t", ns, "order", c.plural)} aria-label={`Order ${c.title}`}>
                      Order
                    </a>
                  ) : (
                    <span className="muted">Your level cannot order here.</span>
                  )}
                </li>
              ))}
          </ul>
        </section>
      ))}
      {shown.length === 0 && !catalogError && <p>Nothing matches.</p>}
    </section>
  );
}
