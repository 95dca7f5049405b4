import { lazy, Suspense, useEffect, useState } from "react";
import { session, type SessionState } from "./auth";
import { download, tenantPath } from "./api";
import { ConsoleProvider, useConsole, useTenantStream } from "./state";
import { go, href, useRoute } from "./router";
import { AppList } from "./pages/AppList";
import { AppDetail } from "./pages/AppDetail";
import { Marketplace } from "./pages/Marketplace";
import { Tenants } from "./pages/Tenants";
import { Infra } from "./pages/Infra";
import { ErrorNote } from "./ui";

// the schema form (rjsf + ajv) loads only when an order form opens: the first load stays small
const OrderForm = lazy(() => import("./pages/OrderForm"));

export function App() {
  const [state, setState] = useState<SessionState>(session.current());
  useEffect(() => session.subscribe(setState), []);
  switch (state.kind) {
    case "loading":
      return <p className="centered" aria-busy="true">Loading…</p>;
    case "error":
      return (
        <main className="signin">
          <h1>Hearth</h1>
          <ErrorNote error={new Error(state.message)} />
        </main>
      );
    case "signed-out":
      return <SignIn />;
    case "expired":
      return <SignIn expired />;
    case "signed-in":
      return (
        <ConsoleProvider>
          <Shell username={state.user.profile.preferred_username ?? state.user.profile.sub} />
        </ConsoleProvider>
      );
  }
}

function SignIn({ expired }: { expired?: boolean }) {
  return (
    <main className="signin" data-page="sign-in">
      <h1>Hearth console</h1>
      {expired ? (
        <p className="notice" role="alert" data-testid="session-expired">
          Your session has expired — sign in again.
        </p>
      ) : (
        <p>Sign in with your organisation's account to manage your tenants and apps.</p>
      )}
      <button type="button" className="primary" onClick={() => void session.signIn()}>
        {expired ? "Sign in again" : "Sign in"}
      </button>
    </main>
  );
}

function Shell({ username }: { username: string }) {
  const { tenants, me, error } = useConsole();
  const route = useRoute();
  const routeNs = route[0] === "t" ? route[1] : undefined;
  // the tenant chosen last stays chosen on pages of no tenant (the tree)
  const [lastNs, setLastNs] = useState<string | undefined>();
  useEffect(() => {
    if (routeNs) setLastNs(routeNs);
  }, [routeNs]);
  const ns = routeNs ?? lastNs ?? tenants[0]?.namespace;
  const live = useTenantStream(ns);
  const [menuError, setMenuError] = useState<unknown>();

  useEffect(() => {
    // only while the address still names no page: a click meanwhile wins
    const empty = window.location.hash === "" || window.location.hash === "#/";
    if (route.length === 0 && empty && tenants.length > 0) go("t", lastNs ?? tenants[0].namespace, "apps");
  }, [route.length, tenants, lastNs]);

  const current = tenants.find((t) => t.namespace === ns);
  const section = route[0] === "tenants" ? "tenants" : route[2] ?? "";
  const nav = (id: string, label: string, target: string) => (
    <a href={target} aria-current={section === id ? "page" : undefined}>
      {label}
    </a>
  );
  const tenantNs = ns ?? tenants[0]?.namespace;

  return (
    <div className="shell">
      <header className="top">
        <a className="brand" href="#/">
          Hearth
        </a>
        <div className="switcher">
          <label htmlFor="tenant-switcher">Tenant</label>
          <select
            id="tenant-switcher"
            value={ns ?? ""}
            onChange={(e) => go("t", e.target.value, route[0] === "t" && ["apps", "marketplace", "infra"].includes(route[2]) ? route[2] : "apps")}
          >
            {!ns && <option value="">Choose…</option>}
            {tenants.map((t) => (
              <option key={t.namespace} value={t.namespace}>
                {t.namespace} ({t.level})
              </option>
            ))}
          </select>
        </div>
        <nav aria-label="Sections">
          {tenantNs && nav("apps", "Apps", href("t", tenantNs, "apps"))}
          {tenantNs && nav("marketplace", "Marketplace", href("t", tenantNs, "marketplace"))}
          {tenantNs && nav("infra", "Clusters & VMs", href("t", tenantNs, "infra"))}
          {nav("tenants", "Tenants", href("tenants"))}
        </nav>
        <div className="user">
          <span data-testid="username" title={me?.kubernetesUsername}>
            {username}
          </span>
          {current && <span className="badge">{current.level}</span>}
          {tenantNs && (
            <button
              type="button"
              onClick={() => download(`${tenantPath(tenantNs)}/kubeconfig`, `${tenantNs}.kubeconfig.yaml`).catch(setMenuError)}
            >
              Kubeconfig
            </button>
          )}
          <button type="button" onClick={() => void session.signOut()}>
            Sign out
          </button>
        </div>
      </header>
      <main className="content" id="main">
        <ErrorNote error={error ? new Error(error) : menuError} />
        <Page route={route} live={live} />
      </main>
    </div>
  );
}

function Page({ route, live }: { route: string[]; live: ReturnType<typeof useTenantStream> }) {
  const { tenants } = useConsole();
  if (route[0] === "tenants") return <Tenants />;
  if (route[0] !== "t" || !route[1]) {
    return tenants.length === 0 ? <p>You hold no level in any tenant yet: ask a tenant admin to add you.</p> : <p aria-busy="true">Loading…</p>;
  }
  const [, ns, section, a, b] = route;
  switch (section) {
    case "apps":
      return a && b ? <AppDetail ns={ns} plural={a} name={b} live={live} /> : <AppList ns={ns} live={live} />;
    case "marketplace":
      return <Marketplace ns={ns} />;
    case "order":
    case "edit":
      return (
        <Suspense fallback={<p aria-busy="true">Loading the form…</p>}>
          <OrderForm ns={ns} plural={a} name={section === "edit" ? b : undefined} />
        </Suspense>
      );
    case "infra":
      return <Infra ns={ns} live={live} />;
    default:
      return <AppList ns={ns} live={live} />;
  }
}
