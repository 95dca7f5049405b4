// Prints the gzip size of every built asset and of the JavaScript the first load fetches (index.html's module script
// and its modulepreloads; lazily imported chunks, such as the order form's, are not part of it). Fails above 300 KB.
import { readFileSync, readdirSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";

const dist = process.env.CONSOLE_OUT_DIR ?? new URL("../dist/", import.meta.url).pathname;
const assets = readdirSync(join(dist, "assets"));
const gz = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const kb = (n) => (n / 1024).toFixed(1) + " KB";
for (const a of assets) console.log(`console asset ${a}: ${kb(readFileSync(join(dist, "assets", a)).length)}, gzip ${kb(gz("assets/" + a))}`);
const html = readFileSync(join(dist, "index.html"), "utf8");
const first = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
const total = first.reduce((sum, f) => sum + gz(f), 0);
console.log(`console first load: ${first.length} JS file(s), gzip ${kb(total)} (limit 300 KB)`);
if (total > 300 * 1024) {
  console.error("console: the first load exceeds 300 KB of compressed JavaScript");
  process.exit(1);
}
