/**
 * A throw-away npm registry on 127.0.0.1 serving the installed copies of this project's runtime
 * dependencies (and theirs), so a test can `npm install` the packed tarball into an empty project
 * with no network: every packument and tarball comes from node_modules as it is installed here.
 *
 * The closure is walked the way Node resolves: a package's dependency is looked up in its own
 * node_modules first, then in the root's. Optional dependencies are served when installed.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { dirname, join, resolve } from "node:path";

interface Manifest {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  engines?: Record<string, string>;
  bin?: string | Record<string, string>;
}

interface Served {
  manifest: Manifest;
  tarball: string;
  file: string;
}

export interface LocalRegistry {
  url: string;
  /** name@version of every package served. */
  packages: string[];
  close(): Promise<void>;
}

function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Manifest;
}

/**
 * The installed directory of `name` as Node finds it from `fromDir` (a package dir or the root):
 * `node_modules/name` in fromDir, then in each folder above it, up to the root (a package nested
 * in another's node_modules sees its parent's nested copies first: htmlparser2's domutils needs
 * htmlparser2's dom-serializer 2, not the root's 3).
 */
function resolveDir(name: string, fromDir: string, root: string): string | null {
  const top = resolve(root);
  for (let dir = resolve(fromDir); ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) return candidate;
    if (dir === top || dirname(dir) === dir) return null;
  }
}

/** Every runtime dependency of `root`'s package.json, transitively, as installed. */
export function dependencyClosure(root: string): Map<string, string> {
  const found = new Map<string, string>(); // name@version -> dir
  const queue: { deps: Record<string, string>; from: string; optional: Set<string> }[] = [];
  const rootManifest = readManifest(root);
  queue.push({ deps: { ...rootManifest.dependencies }, from: root, optional: new Set() });
  while (queue.length > 0) {
    const { deps, from, optional } = queue.shift()!;
    for (const name of Object.keys(deps)) {
      const dir = resolveDir(name, from, root);
      if (dir === null) {
        if (optional.has(name)) continue;
        throw new Error(`dependency ${name} (needed by ${from}) is not installed`);
      }
      const m = readManifest(dir);
      const key = `${m.name}@${m.version}`;
      if (found.has(key)) continue;
      found.set(key, dir);
      const opt = new Set(Object.keys(m.optionalDependencies ?? {}));
      queue.push({ deps: { ...m.dependencies, ...m.optionalDependencies }, from: dir, optional: opt });
    }
  }
  return found;
}

/** Packs an installed package directory as npm would publish it (files under `package/`). */
function tarDir(dir: string, out: string): void {
  execFileSync("tar", ["-czf", out, "--exclude=./node_modules", "--transform", "s,^\\.,package,", "-C", dir, "."]);
}

export async function startLocalRegistry(root: string, workDir: string): Promise<LocalRegistry> {
  const tarDirOut = join(workDir, "tarballs");
  mkdirSync(tarDirOut, { recursive: true });
  const byName = new Map<string, Served[]>();
  for (const [key, dir] of dependencyClosure(root)) {
    const manifest = readManifest(dir);
    const file = `${key.replace(/^@/, "").replace(/[/@]/g, "-")}.tgz`;
    const tarball = join(tarDirOut, file);
    tarDir(dir, tarball);
    const list = byName.get(manifest.name) ?? [];
    list.push({ manifest, tarball, file });
    byName.set(manifest.name, list);
  }

  let base = "";
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? "/").split("?")[0]!);
    if (path.startsWith("/-/tarballs/")) {
      const file = path.slice("/-/tarballs/".length);
      for (const list of byName.values()) {
        const hit = list.find((s) => s.file === file);
        if (hit) {
          res.writeHead(200, { "content-type": "application/octet-stream" });
          res.end(readFileSync(hit.tarball));
          return;
        }
      }
    }
    const list = byName.get(path.slice(1));
    if (!list) {
      res.writeHead(404, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: "not found" }));
      return;
    }
    const versions: Record<string, unknown> = {};
    for (const s of list) {
      const bytes = readFileSync(s.tarball);
      versions[s.manifest.version] = {
        ...s.manifest,
        dist: {
          tarball: `${base}/-/tarballs/${encodeURIComponent(s.file)}`,
          shasum: createHash("sha1").update(bytes).digest("hex"),
          integrity: `sha512-${createHash("sha512").update(bytes).digest("base64")}`,
        },
      };
    }
    const latest = list.map((s) => s.manifest.version).sort().at(-1)!;
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ name: list[0]!.manifest.name, "dist-tags": { latest }, versions }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  base = `http://127.0.0.1:${address.port}`;
  return {
    url: base,
    packages: [...byName.values()].flat().map((s) => `${s.manifest.name}@${s.manifest.version}`),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
