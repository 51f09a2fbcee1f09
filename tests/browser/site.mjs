// Shared by the browser tests: running blogarchive and serving a built site on a free
// port of 127.0.0.1.
import { spawn, spawnSync } from "node:child_process";

// Chromium without anything that would reach the network by itself.
export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];

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
