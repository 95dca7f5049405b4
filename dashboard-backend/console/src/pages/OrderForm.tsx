import { useEffect, useMemo, useState } from "react";
import Form from "@rjsf/core";
import type { ErrorSchema, RJSFSchema, UiSchema } from "@rjsf/utils";
import validator from "@rjsf/validator-ajv8";
import { stringify } from "yaml";
import { ApiError, appsPath, getJson, sendJson, type DiffOp, type DryRun, type FieldError, type KubeObject } from "../api";
import { useConsole } from "../state";
import { go, href } from "../router";
import { ErrorNote } from "../ui";

type Spec = Record<string, unknown>;

/** "/users/*\/password" → ["users", "additionalProperties", "password"] in the uiSchema. */
function uiPath(pointer: string): string[] {
  return pointer
    .split("/")
    .filter(Boolean)
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((s) => (s === "*" || s === "-" ? "additionalProperties" : s));
}

function setUi(ui: UiSchema, path: string[], key: string, value: unknown) {
  let node = ui as Record<string, unknown>;
  for (const part of path) {
    node[part] = { ...((node[part] as object) ?? {}) };
    node = node[part] as Record<string, unknown>;
  }
  node[key] = value;
}

/** The server's field errors ("spec.size", "spec.users[app].password") as rjsf's error schema. */
function errorSchemaOf(fields: FieldError[]): { spec: ErrorSchema; other: FieldError[] } {
  const spec: Record<string, unknown> = {};
  const other: FieldError[] = [];
  for (const f of fields) {
    const parts = f.field.replace(/\[([^\]]+)\]/g, ".$1").split(".").filter(Boolean);
    if (parts[0] !== "spec" || parts.length < 2) {
      other.push(f);
      continue;
    }
    let node = spec;
    for (const p of parts.slice(1)) {
      node[p] = (node[p] as Record<string, unknown>) ?? {};
      node = node[p] as Record<string, unknown>;
    }
    node.__errors = [...((node.__errors as string[]) ?? []), f.message];
  }
  return { spec: spec as ErrorSchema, other };
}

/** RFC 6902-style ops between two specs, for a backend whose dry run sends no diff. */
function diffOf(before: unknown, after: unknown, path = "/spec"): DiffOp[] {
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  const isObj = (v: unknown) => v !== null && typeof v === "object" && !Array.isArray(v);
  if (isObj(before) && isObj(after)) {
    const b = before as Record<string, unknown>;
    const a = after as Record<string, unknown>;
    const ops: DiffOp[] = [];
    for (const k of new Set([...Object.keys(b), ...Object.keys(a)])) {
      const p = `${path}/${k.replace(/~/g, "~0").replace(/\//g, "~1")}`;
      if (!(k in a)) ops.push({ op: "remove", path: p, from: b[k] });
      else if (!(k in b)) ops.push({ op: "add", path: p, value: a[k] });
      else ops.push(...diffOf(b[k], a[k], p));
    }
    return ops;
  }
  return [{ op: "replace", path, from: before, value: after }];
}

const show = (v: unknown) => (v === undefined ? "" : typeof v === "string" ? v : JSON.stringify(v));

export default function OrderForm({ ns, plural, name }: { ns: string; plural: string; name?: string }) {
  const { kindOf, catalogError } = useConsole();
  const entry = kindOf(plural);
  const editing = name !== undefined;
  const [original, setOriginal] = useState<KubeObject | null>(null);
  const [objectName, setObjectName] = useState(name ?? "");
  const [spec, setSpec] = useState<Spec>({});
  const [serverErrors, setServerErrors] = useState<FieldError[]>([]);
  const [error, setError] = useState<unknown>();
  const [review, setReview] = useState<{ body: KubeObject; diff: DiffOp[]; object: KubeObject } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!editing) return;
    getJson<KubeObject>(appsPath(ns, plural, name)).then((o) => {
      setOriginal(o);
      setSpec((o.spec as Spec) ?? {});
    }, setError);
  }, [ns, plural, name, editing]);

  const uiSchema = useMemo<UiSchema>(() => {
    const ui: UiSchema = structuredClone(entry?.uiSchema ?? {}) as UiSchema;
    for (const pointer of entry?.secretFields ?? []) setUi(ui, uiPath(pointer), "ui:widget", "password");
    if (editing) for (const pointer of entry?.immutable ?? []) setUi(ui, uiPath(pointer), "ui:readonly", true);
    ui["ui:submitButtonOptions"] = { submitText: editing ? "Check changes" : "Check order" };
    return ui;
  }, [entry, editing]);

  const { spec: extraErrors, other } = useMemo(() => errorSchemaOf(serverErrors), [serverErrors]);
  const nameErrors = other.filter((f) => f.field.startsWith("metadata.name"));
  const otherErrors = other.filter((f) => !f.field.startsWith("metadata.name"));
  const nameValid = /^[a-z]([-a-z0-9]*[a-z0-9])?$/.test(objectName) && objectName.length <= 53;

  if (!entry) {
    return (
      <section data-page="order">
        <h1>Order</h1>
        <ErrorNote error={new Error(catalogError ?? `The catalog has no kind "${plural}".`)} />
      </section>
    );
  }
  if (editing && !original) {
    return error ? <ErrorNote error={error} /> : <p aria-busy="true">Loading…</p>;
  }

  const bodyFor = (formSpec: Spec): KubeObject =>
    editing
      ? { ...original!, spec: formSpec }
      : { apiVersion: "apps.hearth.dev/v1alpha1", kind: entry.kind, metadata: { name: objectName }, spec: formSpec };
  const target = editing ? appsPath(ns, plural, name) : appsPath(ns, plural);
  const method = editing ? "PUT" : "POST";

  const fail = (e: unknown) => {
    if (e instanceof ApiError && e.fields.length > 0) {
      setServerErrors(e.fields);
      setError(new Error(`The server refused: ${e.message}`));
    } else {
      setError(e);
    }
  };

  // 1. the browser's validation passed (rjsf + ajv); 2. the server's dry run
  const check = async (formSpec: Spec) => {
    if (!editing && !nameValid) {
      setError(new Error("Give a name: lowercase letters, digits and dashes."));
      return;
    }
    setBusy(true);
    setError(undefined);
    setServerErrors([]);
    try {
      const body = bodyFor(formSpec);
      const answer = await sendJson<DryRun | KubeObject>(method, `${target}?dryRun=true`, body);
      const object = "object" in answer && (answer as DryRun).object?.metadata ? (answer as DryRun).object : (answer as KubeObject);
      const diff = Array.isArray((answer as DryRun).diff) ? (answer as DryRun).diff : diffOf(original?.spec ?? {}, object.spec ?? {});
      setReview({ body, diff, object });
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const submit = async () => {
    if (!review) return;
    setBusy(true);
    try {
      await sendJson(method, target, review.body);
      go("t", ns, "apps", plural, editing ? name! : objectName);
    } catch (e) {
      setReview(null);
      if (e instanceof ApiError && e.status === 409) {
        setError(new Error("It changed meanwhile: reload the page to edit the current version."));
      } else fail(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="order-title" data-page="order">
      <p>
        <a href={editing ? href("t", ns, "apps", plural, name!) : href("t", ns, "marketplace")}>← Back</a>
      </p>
      <h1 id="order-title">{editing ? `Edit ${entry.title} ${name}` : `Order ${entry.title}`}</h1>
      {entry.description && <p>{entry.description}</p>}
      <div className="field">
        <label htmlFor="object-name">Name</label>
        <input
          id="object-name"
          value={objectName}
          readOnly={editing}
          required
          aria-invalid={(objectName !== "" && !nameValid) || nameErrors.length > 0}
          aria-describedby="object-name-help object-name-error"
          onChange={(e) => {
            setObjectName(e.target.value);
            setReview(null);
          }}
        />
        <small id="object-name-help">Lowercase letters, digits and dashes, at most 53.</small>
        <span id="object-name-error" className="field-error" role={nameErrors.length ? "alert" : undefined}>
          {objectName !== "" && !nameValid ? "Not a valid name." : nameErrors.map((f) => f.message).join("; ")}
        </span>
      </div>
      <Form
        schema={entry.schema as RJSFSchema}
        uiSchema={uiSchema}
        formData={spec}
        validator={validator}
        extraErrors={extraErrors}
        showErrorList="top"
        noHtml5Validate
        disabled={busy}
        idPrefix="spec"
        onChange={(e) => {
          setSpec(e.formData as Spec);
          if (review) setReview(null);
          if (serverErrors.length) setServerErrors([]);
        }}
        onSubmit={(e) => void check(e.formData as Spec)}
        // the errors are shown at their fields and in the list on top; nothing for the browser's console
        onError={() => setReview(null)}
      />
      <ErrorNote error={error} />
      {otherErrors.length > 0 && (
        <ul className="error">
          {otherErrors.map((f, i) => (
            <li key={i}>
              {f.field}: {f.message}
            </li>
          ))}
        </ul>
      )}
      {review && (
        <section className="panel" aria-labelledby="review-title" data-testid="review">
          <h2 id="review-title">The server accepts this {editing ? "change" : "order"}</h2>
          {editing ? (
            review.diff.length === 0 ? (
              <p>Nothing changes.</p>
            ) : (
              <table data-testid="diff">
                <caption>What changes</caption>
                <thead>
                  <tr>
                    <th scope="col">Field</th>
                    <th scope="col">Now</th>
                    <th scope="col">After</th>
                  </tr>
                </thead>
                <tbody>
                  {review.diff
                    .filter((d) => d.path.startsWith("/spec"))
                    .map((d, i) => (
                      <tr key={i} className={`diff-${d.op}`}>
                        <td className="mono">{d.path.replace(/^\/spec\//, "")}</td>
                        <td className="mono">{d.op === "add" ? "—" : show(d.fromValue ?? d.from)}</td>
                        <td className="mono">{d.op === "remove" ? "—" : show(d.value)}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            )
          ) : (
            <pre className="yaml" tabIndex={0} aria-label="What will be created">
              {stringify({ spec: review.object.spec })}
            </pre>
          )}
          <button type="button" className="primary" onClick={() => void submit()} disabled={busy}>
            {editing ? "Save" : `Create ${entry.title}`}
          </button>
        </section>
      )}
    </section>
  );
}
