// The console in a real browser: Debian's Chromium driven by playwright-core (no browser download), against the
// backend, Keycloak, API server, tenant-service and apps-catalog that ConsoleIT started. ConsoleIT runs this script and
// answers its control requests ("@@control {...}" on stdout, "@@ok {...}" on stdin): things only the test's own
// identity may do, such as ending a user's Keycloak sessions.
//
// env: CONSOLE_URL (http://127.0.0.1:<port>/), PASSWORD, SCREENSHOTS (a directory), CHROMIUM (/usr/bin/chromium)
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import readline from "node:readline";
import { chromium } from "playwright-core";

const base = process.env.CONSOLE_URL ?? "http://127.0.0.1:8080/";
const password = process.env.PASSWORD ?? "s3cret-pw";
const shots = process.env.SCREENSHOTS ?? "target/console-screenshots";
const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";
const FOO = "tenant-foo";
const BAR = "tenant-foo-bar";
const BAZ = "tenant-baz";

if (!existsSync(executablePath)) {
  console.error(`No Chromium at ${executablePath}: install Debian's package (apt-get install -y chromium)`);
  process.exit(2);
}
mkdirSync(shots, { recursive: true });

// ---- control channel to ConsoleIT
const replies = [];
const rl = readline.createInterface({ input: process.stdin });
rl.on("line", (line) => {
  if (line.startsWith("@@ok")) replies.shift()?.(JSON.parse(line.slice(4).trim() || "{}"));
});
function control(cmd, args = {}) {
  return new Promise((resolve) => {
    replies.push(resolve);
    console.log("@@control " + JSON.stringify({ cmd, ...args }));
  });
}

// ---- bookkeeping
const results = [];
const figures = {};
const expectedRefusals = new Set(); // URL substrings whose failed loads a step expects (the browser logs them)
function assert(condition, message) {
  if (!condition) throw new Error(message);
}
async function scenario(name, fn) {
  const started = Date.now();
  try {
    await fn();
    results.push({ name, ok: true, ms: Date.now() - started });
    console.log(`PASS ${name} (${Date.now() - started} ms)`);
  } catch (e) {
    results.push({ name, ok: false, error: String(e?.stack ?? e) });
    const last = pages[pages.length - 1];
    if (last) await shot(last, `FAILED-${results.length}`).catch(() => {});
    console.log(`FAIL ${name}: ${e?.stack ?? e}`);
  }
}

const browser = await chromium.launch({
  executablePath,
  headless: true,
  // Playwright gives every launch a new, empty profile directory (its --user-data-dir)
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});

// The catalog as the page receives it. While the backend serves none yet (GET /api/v1/catalog is 404: the endpoint is
// being built), the test gives the page the Postgres entry from the chart's own values.schema.json, as the backend will
// (CEL rules removed), and says so in its figures. For the server-validation scenario, the size pattern is dropped,
// so that the browser lets the value through and the API server's refusal is what the page shows.
let dropSizePattern = false;
function stubCatalog() {
  const schema = JSON.parse(readFileSync(new URL("../../../deploy/charts/apps/postgres/values.schema.json", import.meta.url), "utf8"));
  delete schema.$schema;
  delete schema["x-kubernetes-validations"];
  return [
    {
      kind: "Postgres",
      plural: "postgreses",
      singular: "postgres",
      title: "PostgreSQL",
      titlePlural: "PostgreSQL databases",
      description: "Managed PostgreSQL with replicas, users and databases.",
      category: "PaaS",
      tags: ["database", "sql"],
      icon: null,
      module: false,
      schema,
      uiSchema: { "ui:order": ["version", "replicas", "size", "storageClass", "*"] },
      immutable: ["/storageClass"],
      secretFields: ["/users/*/password"],
    },
  ];
}
// A request still in flight when its page closes (the browser ends after the last scenario) fails with "Request
// context disposed" or "... has been closed": that is the test's own teardown, not a failure of the console.
function tolerant(handler) {
  return async (route) => {
    try {
      await handler(route);
    } catch (e) {
      if (!/disposed|has been closed/i.test(String(e?.message))) throw e;
    }
  };
}
async function catalogRoute(page) {
  await page.route("**/api/v1/catalog", tolerant(async (route) => {
    const response = await route.fetch();
    let catalog;
    if (response.status() === 404) {
      catalog = stubCatalog();
      figures.catalog = "stubbed by the test: the backend answered 404 for /api/v1/catalog";
    } else {
      catalog = await response.json();
      figures.catalog ??= "the backend's";
    }
    if (dropSizePattern) {
      for (const entry of catalog) if (entry.kind === "Postgres") delete entry.schema.properties.size.pattern;
    }
    await route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(catalog) });
  }));
}

/** A fresh browser context (no cookies, no storage) whose console errors are collected. */
async function newPage(label, viewport = { width: 1280, height: 860 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.consoleErrors = [];
  page.resourceFailures = [];
  page.on("pageerror", (e) => page.consoleErrors.push(`${label}: page error: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() !== "error") return;
    const text = m.text();
    const url = m.location()?.url ?? "";
    if (text.startsWith("Failed to load resource")) {
      if ([...expectedRefusals].some((s) => url.includes(s))) return;
      page.resourceFailures.push(`${label}: ${text} ${url}`);
    } else {
      page.consoleErrors.push(`${label}: ${text}`);
    }
  });
  await catalogRoute(page);
  return page;
}

async function shot(page, name, fullPage = true) {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage });
}

async function signIn(page, user) {
  await page.goto(base);
  await page.getByRole("button", { name: /^Sign in/ }).click();
  await page.waitForSelector("#username", { timeout: 30000 });
  await page.fill("#username", user);
  await page.fill("#password", password);
  await page.click("#kc-login");
  await page.waitForSelector('[data-testid="username"]', { timeout: 30000 });
  assert((await page.textContent('[data-testid="username"]')) === user, `signed in as ${user}`);
  // the console opens the first tenant's apps once it knows the tenants
  await page.waitForSelector('[data-page="apps"]', { timeout: 30000 });
}

async function tenantOptions(page) {
  return page.$$eval("#tenant-switcher option", (os) => os.map((o) => o.value).filter(Boolean));
}

/** Every visible form control has an accessible name (a label, aria-label or aria-labelledby). */
async function assertLabelled(page, where) {
  const unlabelled = await page.$$eval("input, select, textarea", (els) =>
    els
      .filter((e) => e.type !== "hidden" && e.offsetParent !== null)
      .filter((e) => !(e.labels && e.labels.length) && !e.getAttribute("aria-label") && !e.getAttribute("aria-labelledby"))
      .map((e) => e.id || e.name || e.outerHTML.slice(0, 60)),
  );
  assert(unlabelled.length === 0, `${where}: controls without a label: ${unlabelled.join(", ")}`);
}

/** Every visible text's colour against its effective background: at least 4.5:1 (3:1 for large text), WCAG AA. */
async function assertContrast(page, where) {
  const low = await page.evaluate(() => {
    const parse = (c) => {
      const m = c.match(/rgba?\(([^)]+)\)/);
      if (!m) return null;
      const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
      return { r, g, b, a };
    };
    const lum = ({ r, g, b }) => {
      const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const background = (el) => {
      for (let e = el; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c && c.a > 0.5) return c;
      }
      return { r: 255, g: 255, b: 255, a: 1 };
    };
    const found = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !n.textContent.trim() || el.offsetParent === null) continue;
      if (el.closest("dialog:not([open])") || el.matches("option")) continue;
      const style = getComputedStyle(el);
      if (Number(style.opacity) < 1 || el.closest("[disabled]")) continue;
      const fg = parse(style.color);
      const bg = background(el);
      const [l1, l2] = [lum(fg), lum(bg)].sort((a, b) => b - a);
      const ratio = (l1 + 0.05) / (l2 + 0.05);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) found.push(`${n.textContent.trim().slice(0, 30)} (${ratio.toFixed(2)})`);
    }
    return found;
  });
  assert(low.length === 0, `${where}: text below WCAG AA contrast: ${low.slice(0, 10).join("; ")}`);
}

async function token(page) {
  return page.evaluate(() => {
    for (let i = 0; i < sessionStorage.length; i++) {
      const key = sessionStorage.key(i);
      if (key.startsWith("oidc.user:")) return JSON.parse(sessionStorage.getItem(key)).access_token;
    }
    return null;
  });
}

const pages = [];

// ---- 1. a tenant admin: own tenants only; orders a Postgres, watches it, reads its credentials, edits, deletes
await scenario("tenant admin orders, watches, reads and deletes a Postgres", async () => {
  const page = await newPage("foo-admin");
  pages.push(page);
  await page.goto(base);
  await page.waitForSelector('[data-page="sign-in"]');
  await shot(page, "01-sign-in");
  await assertContrast(page, "sign-in");
  await signIn(page, "foo-admin");
  await page.waitForSelector('[data-page="apps"]');

  // foo and its descendants (bar; another IT of the same JVM may have made more below foo), nothing else
  const options = await tenantOptions(page);
  assert(options.includes(FOO) && options.includes(BAR), `foo-admin's tenants include foo and bar: ${options}`);
  assert(options.every((ns) => ns === FOO || ns.startsWith(FOO + "-")), `foo-admin's tenants are foo's: ${options}`);
  assert(!(await page.content()).includes(BAZ), "no word of the sibling tenant anywhere");

  await page.click('nav >> text="Tenants"');
  await page.waitForSelector(`[data-tenant="${FOO}"] .quota`);
  await page.waitForSelector(`[data-tenant="${BAR}"]`);
  await shot(page, "02-tenants");
  await assertContrast(page, "tenant tree");

  await page.selectOption("#tenant-switcher", FOO);
  await page.click('nav >> text="Marketplace"');
  await page.waitForSelector('[data-page="marketplace"] .card');
  await shot(page, "03-marketplace");
  await assertContrast(page, "marketplace");
  await page.fill("#market-search", "postgres");
  await page.waitForFunction(() => document.querySelectorAll(".card").length === 1);
  await page.click('[data-kind="Postgres"] >> text="Order"');

  await page.waitForSelector("#spec_replicas", { timeout: 20000 });
  await assertLabelled(page, "order form");
  // enums are selects, defaults are filled in
  assert((await page.$eval("#spec_version", (e) => e.tagName)) === "SELECT", "version is a select");
  assert((await page.inputValue("#spec_size")) === "10Gi", "size default");
  // secret fields are masked: a user's password (users/*/password) is a password input
  await page.locator("#spec_users").locator('button[title="Add"]').click();
  await page.waitForSelector('input[type="password"]');
  const passwordId = await page.$eval('input[type="password"]', (e) => e.id);
  assert(/password/.test(passwordId), `the password field of a user is masked (${passwordId})`);
  await page.locator("#spec_users").locator('button[title="Remove"]').first().click();
  await page.waitForFunction(() => !document.querySelector('input[type="password"]'));
  await page.fill("#object-name", "orders-db");
  await shot(page, "04-order-form");
  await assertContrast(page, "order form");
  await page.click('button[type="submit"]');
  await page.waitForSelector('[data-testid="review"]');
  await shot(page, "05-order-dry-run");
  await page.click('[data-testid="review"] >> text=/^Create /');

  await page.waitForSelector('[data-page="app-detail"] h1:has-text("orders-db")');
  const pendingBadge = await page.textContent('[data-page="app-detail"] .badge');
  // apps-catalog has written the HelmRelease; the test plays Flux: the release becomes ready, and the console shows
  // it without a reload (the event stream)
  await control("postgres-ready", { namespace: FOO, name: "orders-db" });
  await page.waitForSelector('[data-page="app-detail"] .badge-ok', { timeout: 60000 });
  const history = await page.textContent('[data-testid="status-history"]');
  console.log(`status went live from "${pendingBadge}" to Ready; history: ${history.replace(/\s+/g, " ")}`);
  assert(/Ready: True/.test(history), "the Ready change arrived live");

  // credentials: masked until revealed
  // the chart's Secret came with the release: the page asks again when the app changes
  const reveal = page.getByRole("button", { name: "Reveal credentials" });
  await reveal.waitFor({ timeout: 20000 });
  {
    const masked = await page.textContent('[data-testid="secret"]');
    await reveal.click();
    await page.waitForSelector('button:has-text("Hide credentials")');
    await page.waitForFunction(() => !document.querySelector('[data-testid="secret"]').textContent.includes("••••"));
    const revealed = await page.textContent('[data-testid="secret"]');
    assert(masked.includes("••••") && !revealed.includes("••••"), "credentials revealed on click");
    figures.credentials = "revealed on click";
  }
  await page.click('button:has-text("Show YAML")');
  await page.waitForSelector('[data-testid="yaml"]');
  await shot(page, "06-app-detail");
  await assertContrast(page, "app detail");

  // edit: immutable field read-only, the diff of the dry run
  await page.click('a:has-text("Edit")');
  await page.waitForSelector("#spec_replicas");
  const immutable = await page.$eval("#spec_storageClass", (e) => e.readOnly || e.disabled).catch(() => null);
  assert(immutable === true, "storageClass (immutable) is read-only on edit");
  await page.fill("#spec_replicas", "3");
  await page.click('button[type="submit"]');
  await page.waitForSelector('[data-testid="diff"]');
  const diff = await page.textContent('[data-testid="diff"]');
  assert(/replicas/.test(diff) && /3/.test(diff), `diff names replicas: ${diff}`);
  await shot(page, "07-edit-diff");
  await page.click('[data-testid="review"] >> text="Save"');
  await page.waitForSelector('[data-page="app-detail"] h1:has-text("orders-db")');

  // the list shows it; delete from the detail page with the keyboard in the confirmation
  await page.click('a:has-text("← Apps")');
  await page.waitForSelector('[data-app="orders-db"]');
  await shot(page, "08-app-list");
  await assertContrast(page, "app list");
  await page.click('[data-app="orders-db"] a');
  await page.getByRole("button", { name: "Delete" }).click();
  await page.waitForSelector("dialog[open]");
  await shot(page, "09-delete-confirmation");
  // with the keyboard: the dialog focuses Cancel; Tab moves to Delete, Enter presses it
  assert((await page.evaluate(() => document.activeElement?.textContent)) === "Cancel", "Cancel has the focus");
  await page.keyboard.press("Tab");
  assert((await page.evaluate(() => document.activeElement?.textContent)) === "Delete", "Tab reaches Delete");
  await page.keyboard.press("Enter");
  await page.waitForSelector('[data-page="apps"]');
  await page.waitForFunction(() => !document.querySelector('[data-app="orders-db"]'), null, { timeout: 60000 });
});

// ---- 2. a validation error of the server appears next to its field
await scenario("a server validation error appears next to the field", async () => {
  const page = pages[0];
  // the browser's schema knows the size pattern; to let the server speak, the test removes it from the catalog the
  // page receives (as a rule only the API server holds would be)
  dropSizePattern = true;
  expectedRefusals.add("/apps/postgreses?dryRun=true");
  // the catalog is read once per page load
  await page.goto(base + `#/t/${FOO}/order/postgreses`);
  await page.reload();
  await page.waitForSelector("#spec_size");
  await page.fill("#object-name", "bad-size");
  await page.fill("#spec_size", "ten gigs");
  await page.click('button[type="submit"]');
  // rjsf renders a field's errors inside its own form group
  const fieldError = page.locator(".form-group:has(#spec_size) .error-detail, .form-group:has(#spec_size) .text-danger");
  await fieldError.first().waitFor({ timeout: 20000 });
  const text = await fieldError.first().textContent();
  assert(/should match|Invalid value/.test(text), `the size field shows the server's words: ${text}`);
  await shot(page, "10-server-validation-error");
  dropSizePattern = false;
  expectedRefusals.delete("/apps/postgreses?dryRun=true");
});

// ---- 3. 200 apps: how long the list takes to render (reported, not asserted)
await scenario("a tenant with 200 apps: time to render the list", async () => {
  const page = pages[0];
  await page.goto(base + `#/t/${FOO}/apps`);
  await page.waitForSelector('[data-page="apps"]');
  const ms = await page.evaluate(
    (bar) =>
      new Promise((resolve) => {
        const started = performance.now();
        window.location.hash = `#/t/${bar}/apps`;
        const check = () => {
          const table = document.querySelector('[data-testid="app-table"]');
          if (table && Number(table.dataset.rows) >= 200) {
            requestAnimationFrame(() => resolve(performance.now() - started));
          } else {
            requestAnimationFrame(check);
          }
        };
        check();
      }),
    BAR,
  );
  figures.render200Ms = Math.round(ms);
  console.log(`FIGURE 200-app list rendered in ${Math.round(ms)} ms (hash change to 200 rows painted, stream included)`);
  await shot(page, "11-app-list-200", false);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(base + `#/t/${FOO}/marketplace`);
  await page.waitForSelector('[data-page="marketplace"] .card');
  await shot(page, "12-narrow-marketplace");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert(overflow <= 1, `no horizontal scrolling at 390 px (overflow ${overflow} px)`);
  await page.setViewportSize({ width: 1280, height: 860 });
});

// ---- 4. clusters & VMs page, kubeconfig
await scenario("clusters and VMs, tenant kubeconfig", async () => {
  const page = pages[0];
  await page.goto(base + `#/t/${FOO}/infra`);
  await page.waitForSelector('[data-page="infra"]');
  await page.waitForSelector('[data-cluster="dev"]', { timeout: 20000 });
  // VM power: Stop sets its runStrategy Halted (POST .../stop), the stream brings the change, Start appears
  await page.click('button[aria-label="Stop vm-1"]');
  await page.waitForSelector('button[aria-label="Start vm-1"]', { timeout: 20000 });
  await shot(page, "13-clusters-vms");
  await assertContrast(page, "clusters and VMs");
  const [download] = await Promise.all([
    page.waitForEvent("download", { timeout: 15000 }).catch(() => null),
    page.click('header button:has-text("Kubeconfig")'),
  ]);
  expectedRefusals.add("/kuberneteses/dev/kubeconfig");
  const [clusterConfig] = await Promise.all([
    page.waitForEvent("download", { timeout: 5000 }).catch(() => null),
    page.click('button:has-text("Kubeconfig of dev")'),
  ]);
  if (clusterConfig) {
    figures.clusterKubeconfig = "downloaded";
  } else {
    // kubernetes-service does not run here: the cluster has no admin kubeconfig Secret, and the page says why
    const error = await page.textContent('[data-page="infra"] .error').catch(() => "");
    figures.clusterKubeconfig = `not downloaded (no kubernetes-service here): ${error}`;
  }
  if (download) {
    const path = join(shots, "..", "tenant-kubeconfig.yaml");
    await download.saveAs(path);
    figures.tenantKubeconfig = "downloaded";
  } else {
    const error = await page.textContent(".error").catch(() => "");
    figures.tenantKubeconfig = `not downloaded: ${error}`;
    console.log(`NOTE tenant kubeconfig not downloaded: ${error}`);
  }
});

// ---- 5. a viewer: no write controls, and a forged request from the page is refused by the server
await scenario("a viewer sees no create/delete controls and a forged request is refused", async () => {
  const page = await newPage("foo-viewer");
  pages.push(page);
  await signIn(page, "foo-viewer");
  await page.waitForSelector('[data-page="apps"]');
  await page.selectOption("#tenant-switcher", FOO);
  await page.waitForSelector('[data-app="shared-disk"]');
  await page.click('[data-app="shared-disk"] a');
  await page.waitForSelector('[data-page="app-detail"] h1:has-text("shared-disk")');
  await page.waitForTimeout(500);
  assert((await page.getByRole("button", { name: "Delete" }).count()) === 0, "no Delete for a viewer");
  assert((await page.locator('a:has-text("Edit")').count()) === 0, "no Edit for a viewer");
  await shot(page, "14-viewer-detail");
  await page.click('nav >> text="Marketplace"');
  await page.waitForSelector('[data-page="marketplace"] .card');
  assert((await page.locator('.card a:has-text("Order")').count()) === 0, "no Order button for a viewer");
  await page.click('nav >> text="Tenants"');
  await page.waitForSelector(`[data-tenant="${FOO}"]`);
  assert((await page.locator('button:has-text("New child tenant")').count()) === 0, "no New child tenant for a viewer");
  assert((await page.locator('[data-page="tenants"] button:has-text("Delete")').count()) === 0, "no tenant Delete");
  await shot(page, "15-viewer-tenants");

  expectedRefusals.add("/apps/postgreses");
  expectedRefusals.add("/apps/vmdisks/shared-disk");
  const bearer = await token(page);
  const forged = await page.evaluate(
    async ({ bearer, ns }) => {
      const headers = { Authorization: `Bearer ${bearer}`, "Content-Type": "application/json" };
      const create = await fetch(`/api/v1/tenants/${ns}/apps/postgreses`, {
        method: "POST",
        headers,
        body: JSON.stringify({ metadata: { name: "forged" }, spec: {} }),
      });
      const remove = await fetch(`/api/v1/tenants/${ns}/apps/vmdisks/shared-disk`, { method: "DELETE", headers });
      return { create: create.status, createBody: await create.json(), remove: remove.status };
    },
    { bearer, ns: FOO },
  );
  console.log(`forged requests of the viewer: ${JSON.stringify(forged)}`);
  assert(forged.create === 403 && forged.remove === 403, `forged requests refused with 403: ${JSON.stringify(forged)}`);
  expectedRefusals.delete("/apps/postgreses");
  expectedRefusals.delete("/apps/vmdisks/shared-disk");
});

// ---- 6. a super-admin makes a child tenant
await scenario("a super-admin creates and deletes a child tenant", async () => {
  const page = await newPage("foo-super");
  pages.push(page);
  await signIn(page, "foo-super");
  await page.click('nav >> text="Tenants"');
  await page.waitForSelector(`[data-tenant="${FOO}"]`);
  const opener = page.locator(`[data-tenant="${FOO}"] >> button:has-text("New child tenant")`).first();
  await opener.click();
  const nameField = page.locator(`#child-${FOO}-name`);
  try {
    await nameField.waitFor({ timeout: 5000 });
  } catch {
    // seen twice in ten runs: the click left the form closed. Said in the figures, with what the page showed
    await shot(page, "16-new-child-tenant-not-opened");
    figures.childTenantFormRetry = `the first click left the form closed (aria-expanded=${await opener.getAttribute("aria-expanded")})`;
    await opener.click();
    await nameField.waitFor({ timeout: 10000 });
  }
  await page.fill(`#child-${FOO}-name`, "team");
  // every resource foo is bound by: cpu 1, and none of the rest (other tests may have used foo's Services up)
  for (const id of await page.$$eval(`form[aria-label="New child tenant of ${FOO}"] input`, (els) => els.map((e) => e.id))) {
    if (id.endsWith("-name")) continue;
    await page.fill(`#${id}`, id.endsWith("-cpu") ? "1" : "0");
  }
  await assertLabelled(page, "new child tenant form");
  await shot(page, "16-new-child-tenant");
  await page.click(`form[aria-label="New child tenant of ${FOO}"] button[type="submit"]`);
  // tenant-service makes the namespace; the tree shows it once the backend's caches hold it
  const deadline = Date.now() + 90000;
  while (!(await page.$(`[data-tenant="${FOO}-team"]`))) {
    if (Date.now() > deadline) {
      const state = await control("tenant-status", { namespace: FOO, name: "team" });
      throw new Error(`the child tenant did not appear; its Tenant: ${JSON.stringify(state)}`);
    }
    await page.waitForTimeout(2000);
    await page.click('nav >> text="Apps"');
    await page.click('nav >> text="Tenants"');
    await page.reload();
    await page.waitForSelector(`[data-tenant="${FOO}"]`);
  }
  await shot(page, "17-child-tenant-created");
  // and deletes it (a super-admin of the parent may)
  await page.click(`[data-tenant="${FOO}-team"] >> button:has-text("Delete") >> nth=0`);
  await page.waitForSelector("dialog[open]");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  const gone = Date.now() + 90000;
  while (await page.$(`[data-tenant="${FOO}-team"]`)) {
    assert(Date.now() < gone, "the deleted child tenant left the tree");
    await page.waitForTimeout(2000);
    await page.reload();
    await page.waitForSelector(`[data-tenant="${FOO}"]`);
  }
});

// ---- 7. sign-out ends the Keycloak session
await scenario("sign-out ends the Keycloak session", async () => {
  const page = pages[0];
  await page.goto(base + `#/t/${FOO}/apps`);
  await page.waitForSelector('[data-page="apps"]');
  await page.click('button:has-text("Sign out")');
  await page.waitForSelector('[data-page="sign-in"]', { timeout: 30000 });
  // a new sign-in asks for the password again: no Keycloak session is left
  await page.getByRole("button", { name: /^Sign in/ }).click();
  await page.waitForSelector("#username", { timeout: 30000 });
  await shot(page, "19-signed-out-keycloak-asks-again");
});

// ---- 8. silent refresh and session expiry (last: it ends every session of foo-admin). The console signs in with the
// test realm's client of 2-second tokens (hearth-dashboard-short-lived): it keeps working by refreshing them; then
// Keycloak ends the session, the next refresh is refused, and the page says so and offers to sign in again.
await scenario("silent refresh, then session expiry leads to the sign-in page", async () => {
  const page = await newPage("expiring");
  pages.push(page);
  await page.route("**/api/v1/console-config", tolerant(async (route) => {
    const response = await route.fetch();
    const config = await response.json();
    await route.fulfill({ response, json: { ...config, clientId: "hearth-dashboard-short-lived" } });
  }));
  let refreshes = 0;
  page.on("request", (r) => {
    if (r.url().includes("/protocol/openid-connect/token") && (r.postData() ?? "").includes("grant_type=refresh_token")) refreshes++;
  });
  await signIn(page, "foo-admin");
  await page.waitForSelector('[data-page="apps"]');
  const first = await token(page);
  await page.waitForTimeout(6000); // three token lifetimes
  await page.click('nav >> text="Tenants"');
  await page.waitForSelector(`[data-tenant="${FOO}"]`);
  await page.click('nav >> text="Apps"');
  await page.waitForSelector('[data-app="shared-disk"]');
  const later = await token(page);
  assert(first && later && first !== later, "the access token was refreshed");
  assert(!(await page.$('[data-testid="session-expired"]')), "still signed in after 3 token lifetimes");
  figures.refreshesIn6s = refreshes;
  console.log(`silent refresh: ${refreshes} refresh-token grants in the 6 s of 2-second tokens`);

  expectedRefusals.add("/protocol/openid-connect/token");
  const answers = [];
  page.on("response", (r) => {
    if (r.url().includes("/protocol/openid-connect/token")) answers.push(r.status());
  });
  await control("logout", { user: "foo-admin" });
  // the refresh timer meets Keycloak's refusal by itself; failing that, the next page the user opens does
  try {
    await page.waitForSelector('[data-testid="session-expired"]', { timeout: 15000 });
    figures.expiryNoticed = "by the refresh timer";
  } catch {
    await page.click('nav >> text="Tenants"').catch(() => {});
    try {
      await page.waitForSelector('[data-testid="session-expired"]', { timeout: 15000 });
      figures.expiryNoticed = "at the next page opened (the timer's refresh did not come within 15 s)";
    } catch (e) {
      await shot(page, "18-session-expired-failure");
      throw new Error(`no "session expired" page; token endpoint answers after the logout: ${answers.join(",")}; ${e}`);
    }
  }
  console.log(`session expiry noticed ${figures.expiryNoticed}; token endpoint answers: ${answers.join(",")}`);
  await shot(page, "18-session-expired");
  // signing in again works
  await page.getByRole("button", { name: "Sign in again" }).click();
  await page.waitForSelector("#username", { timeout: 30000 });
  await page.fill("#username", "foo-admin");
  await page.fill("#password", password);
  await page.click("#kc-login");
  await page.waitForSelector('[data-page="apps"]', { timeout: 30000 });
});

const consoleErrors = pages.flatMap((p) => p.consoleErrors);
const resourceFailures = pages.flatMap((p) => p.resourceFailures);
await scenario("no console errors", async () => {
  assert(consoleErrors.length === 0, `console errors:\n${consoleErrors.join("\n")}`);
});
figures.unexpectedFailedLoads = resourceFailures;
await browser.close();
rl.close();

const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
writeFileSync(join(shots, "..", "console-e2e.json"), JSON.stringify({ results, figures }, null, 2));
console.log("@@result " + JSON.stringify({ figures, passed, failed }));
for (const f of resourceFailures) console.log(`NOTE failed load: ${f}`);
console.log(`console e2e: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
