import { session } from "./auth";

export interface StreamEvent {
  event: string;
  id?: string;
  data: string;
}

export type StreamStatus = "connecting" | "live" | "reconnecting" | "refused" | "closed";

/**
 * Reads GET /api/v1/tenants/{ns}/events with fetch and the Authorization header (never EventSource, never a token in
 * the URL), resuming with Last-Event-ID after an `end` (token expired) or a dropped connection.
 */
export function openStream(
  namespace: string,
  onEvent: (e: StreamEvent) => void,
  onStatus: (s: StreamStatus, detail?: string) => void,
): () => void {
  let lastId: string | undefined;
  let closed = false;
  let controller: AbortController | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const connect = async (attempt: number) => {
    if (closed) return;
    onStatus(attempt === 0 ? "connecting" : "reconnecting");
    controller = new AbortController();
    try {
      let token = await session.token();
      if (!token) return;
      const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: "text/event-stream" };
      if (lastId) headers["Last-Event-ID"] = lastId;
      let response = await fetch(`/api/v1/tenants/${encodeURIComponent(namespace)}/events`, {
        headers,
        signal: controller.signal,
      });
      if (response.status === 401) {
        token = await session.refused();
        if (!token) return;
        headers.Authorization = `Bearer ${token}`;
        response = await fetch(`/api/v1/tenants/${encodeURIComponent(namespace)}/events`, {
          headers,
          signal: controller.signal,
        });
      }
      if (response.status === 403 || response.status === 404) {
        onStatus("refused", response.status === 403 ? "not allowed" : "no such tenant");
        return;
      }
      if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
      onStatus("live");
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      let ended = false;
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let split: number;
        while ((split = buffer.search(/\r?\n\r?\n/)) >= 0) {
          const frame = buffer.slice(0, split);
          buffer = buffer.slice(split).replace(/^\r?\n\r?\n/, "");
          const e = parse(frame);
          if (!e) continue;
          if (e.id) lastId = e.id;
          if (e.event === "synced") {
            try {
              const resume = JSON.parse(e.data).resumeFrom;
              if (resume) lastId = resume;
            } catch {
              // ignore
            }
          }
          if (e.event === "end") ended = true;
          onEvent(e);
        }
      }
      if (!closed) retry = setTimeout(() => connect(ended ? 1 : attempt + 1), ended ? 0 : 1000);
    } catch (e) {
      if (closed || (e as Error).name === "AbortError") return;
      retry = setTimeout(() => connect(attempt + 1), Math.min(10000, 1000 * 2 ** Math.min(attempt, 4)));
    }
  };
  void connect(0);
  return () => {
    closed = true;
    clearTimeout(retry);
    controller?.abort();
    onStatus("closed");
  };
}

function parse(frame: string): StreamEvent | null {
  let event = "message";
  let id: string | undefined;
  const data: string[] = [];
  for (const line of frame.split(/\r?\n/)) {
    if (!line || line.startsWith(":")) continue;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
    if (field === "event") event = value;
    else if (field === "id") id = value;
    else if (field === "data") data.push(value);
  }
  if (data.length === 0 && event === "message") return null;
  return { event, id, data: data.join("\n") };
}
