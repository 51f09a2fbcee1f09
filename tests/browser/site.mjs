// Shared by the browser tests: running blogarchive and serving a built site on a free
// port of 127.0.0.1.
import { spawn, spawnSync } from "node:child_process";
import { join, resolve } from "node:path";

// Chromium without anything that would reach the network by itself.
export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];

// "--sample-dir x" → { sampleDir: "x" }; `paths` are made absolute.
export function parseArgs(argv, required, paths) {
  const args = {};
  for (let i = 0; i < argv.length; i += 2) args[argv[i].replace(/^--/, "").replace(/-([a-z])/g, (_, c) => c.toUpperCase())] = argv[i + 1];
  for (const name of required) if (!args[name]) throw new Error(`missing --${name}`);
  for (const name of paths) if (args[name]) args[name] = resolve(args[name]);
  return args;
}

export function run(binary, args) {
  const result = spawnSync(binary, args, { encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(`${binary} ${args.join(" ")} failed:\n${result.stdout}${result.stderr}`);
  }
}

// `blogarchive serve` on port 0; resolves with the server and its origin once it says
// where it listens.
export function serve(binary, siteDir) {
  return new Promise((resolve, reject) => {
    const server = spawn(binary, ["serve", siteDir, "--host", "127.0.0.1", "--port", "0"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const onData = (chunk) => {
      output += chunk;
      const match = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
      if (match) resolve({ server, origin: `http://127.0.0.1:${match[1]}` });
    };
    server.stdout.on("data", onData);
    server.stderr.on("data", onData);
    server.on("exit", (code) => reject(new Error(`serve exited with ${code}:\n${output}`)));
  });
}

// Imports an export into a store in `work`, builds it as `work/name` and serves it.
export async function buildAndServe(binary, work, name, importArgs, config, configDir) {
  const store = join(work, `${name}.db`);
  const siteDir = join(work, name);
  run(binary, ["import", ...importArgs, "--store", store]);
  // A config names its privacy page's Markdown relative to where it is read from.
  const previous = process.cwd();
  process.chdir(configDir);
  try {
    run(binary, ["build", "--store", store, "--config", config, "--out", siteDir, "--quiet"]);
  } finally {
    process.chdir(previous);
  }
  return serve(binary, siteDir);
}
