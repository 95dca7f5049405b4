import { useState } from "react";
import { appsPath, download, sendJson, type KubeObject } from "../api";
import { useTenantActions, type TenantLive } from "../state";
import { href } from "../router";
import { ErrorNote, StatusBadge } from "../ui";

interface NodeGroup {
  minReplicas?: number;
  maxReplicas?: number;
  instanceType?: string;
  diskSize?: string;
}

/** The tenant's Kubernetes clusters (node groups, versions, kubeconfig) and VMs (power). */
export function Infra({ ns, live }: { ns: string; live: TenantLive }) {
  const may = useTenantActions(ns);
  const [error, setError] = useState<unknown>();
  const all = [...live.objects.values()];
  const clusters = all.filter((o) => o.kind === "Kubernetes").map((o) => o.object);
  const vms = all.filter((o) => o.kind === "VMInstance").map((o) => o.object);

  const power = async (vm: KubeObject, running: boolean) => {
    try {
      await sendJson("POST", `${appsPath(ns, "vminstances", vm.metadata.name)}/${running ? "start" : "stop"}`);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section aria-labelledby="infra-title" data-page="infra">
      <h1 id="infra-title">Clusters &amp; VMs in {ns}</h1>
      <ErrorNote error={error} />
      <h2>Kubernetes clusters</h2>
      {may("kuberneteses", "create") && (
        <p>
          <a className="button" href={href("t", ns, "order", "kuberneteses")}>
            New cluster
          </a>
        </p>
      )}
      {clusters.length === 0 ? (
        <p>No clusters.</p>
      ) : (
        <ul className="cards">
          {clusters.map((c) => {
            const groups = (c.spec?.nodeGroups ?? {}) as Record<string, NodeGroup>;
            return (
              <li key={c.metadata.name} className="card" data-cluster={c.metadata.name}>
                <div className="row between">
                  <h3>
                    <a href={href("t", ns, "apps", "kuberneteses", c.metadata.name)}>{c.metadata.name}</a>
                  </h3>
                  <StatusBadge object={c} />
                </div>
                <p>
                  Version {String(c.spec?.version ?? "–")}
                  {c.status?.version ? ` (running ${c.status.version})` : ""}
                </p>
                <table>
                  <caption>Node groups</caption>
                  <thead>
                    <tr>
                      <th scope="col">Group</th>
                      <th scope="col">Nodes</th>
                      <th scope="col">Type</th>
                    </tr>
                  </thead>
                  <tbody>
                    {Object.entries(groups).map(([g, v]) => (
                      <tr key={g}>
                        <td>{g}</td>
                        <td>
                          {v.minReplicas ?? "?"}–{v.maxReplicas ?? "?"}
                        </td>
                        <td>{v.instanceType ?? ""}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <button
                  type="button"
                  onClick={() =>
                    download(`${appsPath(ns, "kuberneteses", c.metadata.name)}/kubeconfig`, `${c.metadata.name}.kubeconfig.yaml`).catch(setError)
                  }
                >
                  Kubeconfig of {c.metadata.name}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <h2>Virtual machines</h2>
      {may("vminstances", "create") && (
        <p>
          <a className="button" href={href("t", ns, "order", "vminstances")}>
            New VM
          </a>
        </p>
      )}
      {vms.length === 0 ? (
        <p>No VMs.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">VM</th>
                <th scope="col">Run strategy</th>
                <th scope="col">Status</th>
                <th scope="col">Power</th>
              </tr>
            </thead>
            <tbody>
              {vms.map((vm) => {
                const strategy = String(vm.spec?.runStrategy ?? "Always");
                const maySwitch = may("vminstances", "update");
                return (
                  <tr key={vm.metadata.name}>
                    <td>
                      <a href={href("t", ns, "apps", "vminstances", vm.metadata.name)}>{vm.metadata.name}</a>
                    </td>
                    <td>{strategy}</td>
                    <td>
                      <StatusBadge object={vm} />
                    </td>
                    <td>
                      {maySwitch && strategy === "Halted" && (
                        <button type="button" onClick={() => void power(vm, true)} aria-label={`Start ${vm.metadata.name}`}>
                          Start
                        </button>
                      )}
                      {maySwitch && strategy !== "Halted" && (
                        <button type="button" onClick={() => void power(vm, false)} aria-label={`Stop ${vm.metadata.name}`}>
                          Stop
                        </button>
                      )}
                    </td>
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
