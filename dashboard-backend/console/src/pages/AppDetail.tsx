import { useEffect, useRef, useState } from "react";
import { stringify } from "yaml";
import { ApiError, appsPath, download, getJson, sendJson, type Exposed, type KubeObject } from "../api";
import { useConsole, useObjectActions, type TenantLive } from "../state";
import { go, href } from "../router";
import { age, Confirm, ErrorNote, readyOf, StatusBadge } from "../ui";

export function AppDetail({ ns, plural, name, live }: { ns: string; plural: string; name: string; live: TenantLive }) {
  const { kindOf, pluralOf } = useConsole();
  const actions = useObjectActions(ns, plural, name);
  const [fetched, setFetched] = useState<KubeObject | null>(null);
  const [error, setError] = useState<unknown>();
  const [confirming, setConfirming] = useState(false);
  const [deleted, setDeleted] = useState(false);
  const [showYaml, setShowYaml] = useState(false);
  const history = useRef<{ at: string; text: string }[]>([]);
  const lastReady = useRef<string>("");

  useEffect(() => {
    getJson<KubeObject>(appsPath(ns, plural, name)).then(setFetched, setError);
  }, [ns, plural, name]);

  const fromStream = [...live.objects.values()].find((o) => o.object.metadata.name === name && pluralOf(o.kind) === plural)?.object;
  const gone = deleted || (live.synced && !fromStream && fetched !== null);
  const object = fromStream ?? (gone ? null : fetched);

  const ready = object ? readyOf(object) : undefined;
  const readyText = ready ? `${ready.status} ${ready.reason ?? ""}`.trim() : object ? "none yet" : "";
  if (object && readyText !== lastReady.current) {
    history.current = [{ at: new Date().toLocaleTimeString(), text: `Ready: ${readyText}${ready?.message ? ` — ${ready.message}` : ""}` }, ...history.current].slice(0, 20);
    lastReady.current = readyText;
  }

  const title = kindOf(plural)?.title ?? plural;
  const events = live.events.filter(
    (e) => (e as unknown as { involvedObject?: { name?: string } }).involvedObject?.name === name,
  );
  const can = (a: string) => actions?.includes(a) ?? false;

  const remove = async () => {
    setConfirming(false);
    try {
      await sendJson("DELETE", appsPath(ns, plural, name));
      setDeleted(true);
      go("t", ns, "apps");
    } catch (e) {
      setError(e);
    }
  };
  const power = async (running: boolean) => {
    try {
      await sendJson("POST", `${appsPath(ns, plural, name)}/${running ? "start" : "stop"}`);
    } catch (e) {
      setError(e);
    }
  };

  if (!object) {
    return (
      <section data-page="app-detail">
        <p><a href={href("t", ns, "apps")}>← Apps</a></p>
        {error instanceof ApiError && error.status === 404 ? <p>{title} {name} does not exist (any more).</p> : <ErrorNote error={error} />}
        {gone && !error && <p>{name} was deleted.</p>}
        {!error && !gone && <p aria-busy="true">Loading…</p>}
      </section>
    );
  }
  const clean = structuredClone(object);
  delete (clean.metadata as Record<string, unknown>).managedFields;

  return (
    <section aria-labelledby="detail-title" data-page="app-detail">
      <p>
        <a href={href("t", ns, "apps")}>← Apps</a>
      </p>
      <div className="row between wrap">
        <h1 id="detail-title">
          {title} <span className="mono">{name}</span>
        </h1>
        <StatusBadge object={object} />
      </div>
      <ErrorNote error={error} />
      <div className="row wrap" role="toolbar" aria-label="Actions">
        {can("update") && (
          <a className="button" href={href("t", ns, "edit", plural, name)}>
            Edit
          </a>
        )}
        {plural === "vminstances" && can("start") && (
          <button type="button" onClick={() => void power(true)}>
            Start
          </button>
        )}
        {plural === "vminstances" && can("stop") && (
          <button type="button" onClick={() => void power(false)}>
            Stop
          </button>
        )}
        {plural === "kuberneteses" && can("get") && (
          <button type="button" onClick={() => download(`${appsPath(ns, plural, name)}/kubeconfig`, `${name}.kubeconfig.yaml`).catch(setError)}>
            Kubeconfig
          </button>
        )}
        {can("delete") && (
          <button type="button" className="danger" onClick={() => setConfirming(true)}>
            Delete
          </button>
        )}
      </div>
      {confirming && (
        <Confirm title={`Delete ${name}?`} confirmLabel="Delete" onConfirm={() => void remove()} onCancel={() => setConfirming(false)}>
          <p>
            This deletes {title} <strong>{name}</strong> in {ns} and its data. It cannot be undone.
          </p>
        </Confirm>
      )}

      <h2>Status</h2>
      <dl className="facts">
        <dt>Version</dt>
        <dd>{object.status?.version ?? "–"}</dd>
        <dt>Created</dt>
        <dd>{age(object.metadata.creationTimestamp)} ago</dd>
      </dl>
      {(object.status?.conditions ?? []).length === 0 ? (
        <p>No conditions reported yet.</p>
      ) : (
        <div className="table-wrap">
          <table data-testid="conditions">
            <thead>
              <tr>
                <th scope="col">Condition</th>
                <th scope="col">Status</th>
                <th scope="col">Reason</th>
                <th scope="col">Message</th>
                <th scope="col">Since</th>
              </tr>
            </thead>
            <tbody>
              {object.status!.conditions!.map((c) => (
                <tr key={c.type}>
                  <td>{c.type}</td>
                  <td>{c.status}</td>
                  <td>{c.reason}</td>
                  <td>{c.message}</td>
                  <td>{age(c.lastTransitionTime)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2>Live</h2>
      <ol className="log" aria-live="polite" data-testid="status-history">
        {history.current.map((h, i) => (
          <li key={i}>
            <time>{h.at}</time> {h.text}
          </li>
        ))}
        {events.map((e) => {
          const ev = e as unknown as { reason?: string; message?: string; type?: string; lastTimestamp?: string };
          return (
            <li key={e.metadata.uid}>
              <span className={ev.type === "Warning" ? "badge badge-bad" : "badge"}>{ev.reason}</span> {ev.message}
            </li>
          );
        })}
      </ol>

      <Exposure ns={ns} plural={plural} name={name} version={object.metadata.resourceVersion} />

      <h2>YAML</h2>
      <button type="button" aria-expanded={showYaml} aria-controls="object-yaml" onClick={() => setShowYaml(!showYaml)}>
        {showYaml ? "Hide YAML" : "Show YAML"}
      </button>
      {showYaml && (
        <pre id="object-yaml" className="yaml" tabIndex={0} aria-label="YAML of the object" data-testid="yaml">
          {stringify(clean)}
        </pre>
      )}
    </section>
  );
}

/** What the app exposes, asked again whenever the app changes (its Services and Secret come with its release). */
function Exposure({ ns, plural, name, version }: { ns: string; plural: string; name: string; version?: string }) {
  const [exposed, setExposed] = useState<Exposed | null>(null);
  const [revealed, setRevealed] = useState(false);
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    setError(undefined);
    getJson<Exposed>(`${appsPath(ns, plural, name)}/exposed${revealed ? "?reveal=true" : ""}`).then(setExposed, setError);
  }, [ns, plural, name, revealed, version]);
  if (error instanceof ApiError && (error.status === 404 || error.status === 405)) {
    return (
      <>
        <h2>Services and credentials</h2>
        <p className="muted">This backend does not list exposed services yet.</p>
      </>
    );
  }
  return (
    <>
      <h2>Services and credentials</h2>
      <ErrorNote error={error} />
      {exposed && (
        <>
          {exposed.services.length === 0 ? (
            <p>No services.</p>
          ) : (
            <ul className="plain" data-testid="services">
              {exposed.services.map((s) => (
                <li key={s.name}>
                  <span className="mono">{s.name}</span> ({s.type}
                  {s.clusterIP ? `, ${s.clusterIP}` : ""}):{" "}
                  {s.ports.map((p) => `${p.name ? p.name + " " : ""}${p.port}/${p.protocol ?? "TCP"}`).join(", ")}
                  {s.external && s.external.length > 0 ? ` — outside the cluster: ${s.external.join(", ")}` : ""}
                </li>
              ))}
            </ul>
          )}
          {exposed.secrets.length === 0 ? (
            <p>No credentials you may read.</p>
          ) : (
            <>
              <button type="button" onClick={() => setRevealed(!revealed)} aria-pressed={revealed}>
                {revealed ? "Hide credentials" : "Reveal credentials"}
              </button>
              {exposed.secrets.map((s) => (
                <div key={s.name} className="secret" data-testid="secret">
                  <h3 className="mono">{s.name}</h3>
                  <dl className="facts">
                    {Object.entries(s.data).map(([k, v]) => (
                      <div key={k} className="fact">
                        <dt>{k}</dt>
                        <dd className="mono" data-key={k}>
                          {v}
                        </dd>
                      </div>
                    ))}
                  </dl>
                </div>
              ))}
            </>
          )}
        </>
      )}
    </>
  );
}
