import { UserManager, WebStorageStateStore, type User } from "oidc-client-ts";

/** Where the console signs in: GET /api/v1/console-config (unauthenticated). */
export interface ConsoleConfig {
  issuer: string;
  clientId: string;
}

export type SessionState =
  | { kind: "loading" }
  | { kind: "signed-out" }
  | { kind: "expired"; reason: string }
  | { kind: "signed-in"; user: User }
  | { kind: "error"; message: string };

type Listener = (state: SessionState) => void;

/**
 * Authorization code + PKCE against Keycloak (oidc-client-ts), tokens kept in sessionStorage, silent refresh with the
 * refresh token before the access token expires; a failed refresh (Keycloak ended the session) becomes "expired".
 */
export class Session {
  private manager!: UserManager;
  private state: SessionState = { kind: "loading" };
  private listeners = new Set<Listener>();
  private renewing: Promise<User | null> | null = null;

  async start(): Promise<void> {
    let config: ConsoleConfig;
    try {
      const response = await fetch("/api/v1/console-config");
      if (!response.ok) throw new Error(`console-config answered ${response.status}`);
      config = await response.json();
    } catch (e) {
      this.set({ kind: "error", message: `The console could not load its sign-in settings: ${(e as Error).message}` });
      return;
    }
    const origin = window.location.origin;
    const protocol = `${config.issuer}/protocol/openid-connect`;
    this.manager = new UserManager({
      authority: config.issuer,
      client_id: config.clientId,
      redirect_uri: `${origin}/`,
      post_logout_redirect_uri: `${origin}/`,
      response_type: "code",
      scope: "openid",
      // Keycloak's endpoints, so no discovery request is needed
      metadata: {
        issuer: config.issuer,
        authorization_endpoint: `${protocol}/auth`,
        token_endpoint: `${protocol}/token`,
        end_session_endpoint: `${protocol}/logout`,
        userinfo_endpoint: `${protocol}/userinfo`,
        jwks_uri: `${protocol}/certs`,
      },
      // renewal is scheduled here (schedule()), so that any token lifetime works, down to the 2 s of the tests
      automaticSilentRenew: false,
      loadUserInfo: false,
      userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    });
    this.manager.events.addUserLoaded((user) => this.set({ kind: "signed-in", user }));
    this.manager.events.addAccessTokenExpired(() => {
      void this.renew();
    });

    const params = new URLSearchParams(window.location.search);
    if (params.has("code") && params.has("state")) {
      try {
        const user = await this.manager.signinRedirectCallback();
        const hash = (user.state as { hash?: string } | undefined)?.hash ?? "#/";
        window.history.replaceState(null, "", `/${hash}`);
        this.set({ kind: "signed-in", user });
      } catch (e) {
        window.history.replaceState(null, "", "/");
        this.set({ kind: "signed-out" });
      }
      return;
    }
    if (params.has("error")) {
      window.history.replaceState(null, "", "/");
    }
    const user = await this.manager.getUser();
    if (!user) {
      this.set({ kind: "signed-out" });
    } else if (!user.expired) {
      this.set({ kind: "signed-in", user });
    } else {
      await this.renew();
    }
  }

  current(): SessionState {
    return this.state;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Goes to Keycloak's sign-in page; back at the same page afterwards. */
  signIn(): Promise<void> {
    return this.manager.signinRedirect({ state: { hash: window.location.hash || "#/" } });
  }

  /** Ends the Keycloak session too (end-session endpoint with the ID token), then back to the sign-in page. */
  async signOut(): Promise<void> {
    const user = await this.manager.getUser();
    await this.manager.removeUser();
    await this.manager.signoutRedirect({ id_token_hint: user?.id_token });
  }

  /** A valid access token, refreshed first when it is about to expire; null when the session is gone. */
  async token(): Promise<string | null> {
    if (this.state.kind !== "signed-in") return null;
    const user = this.state.user;
    if ((user.expires_in ?? 0) > 5) return user.access_token;
    const renewed = await this.renew();
    return renewed?.access_token ?? null;
  }

  /** The server said the token is expired or invalid: refresh once, else the session has ended. */
  async refused(): Promise<string | null> {
    const renewed = await this.renew();
    return renewed?.access_token ?? null;
  }

  private renew(): Promise<User | null> {
    if (!this.renewing) {
      this.renewing = this.manager
        .signinSilent()
        .then((user) => {
          if (user) this.set({ kind: "signed-in", user });
          return user;
        })
        .catch((e: Error) => {
          this.expire(e.message);
          return null;
        })
        .finally(() => {
          this.renewing = null;
        });
    }
    return this.renewing;
  }

  private expire(reason: string) {
    void this.manager.removeUser();
    if (this.state.kind === "signed-in" || this.state.kind === "loading") {
      this.set({ kind: "expired", reason });
    }
  }

  private timer: ReturnType<typeof setTimeout> | undefined;

  /** Silent refresh: a third of the way before the access token expires, at most 30 s before. */
  private schedule(user: User) {
    clearTimeout(this.timer);
    const left = user.expires_in ?? 0;
    const at = Math.max(1, left - Math.min(30, left / 3));
    this.timer = setTimeout(() => void this.renew(), at * 1000);
  }

  private set(state: SessionState) {
    if (state.kind === "signed-in") this.schedule(state.user);
    else clearTimeout(this.timer);
    this.state = state;
    this.listeners.forEach((l) => l(state));
  }
}

export const session = new Session();
