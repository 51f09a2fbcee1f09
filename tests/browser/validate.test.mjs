// The default theme's markup against html-validate's recommended rules: every page of
// the sample archive (its content is ours, so every message is the theme's), built
// fresh, must give none.
//
//   node validate.test.mjs --blogarchive PATH --sample-dir examples/
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { HtmlValidate } from "html-validate";
import { run } from "./site.mjs";

function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i += 2) args[argv[i].replace(/^--/, "").replace(/-([a-z])/g, (_, c) => c.toUpperCase())] = argv[i + 1];
  for (const required of ["blogarchive", "sampleDir"]) if (!args[required]) throw new Error(`missing --${required}`);
  return { blogarchive: resolve(args.blogarchive), sampleDir: resolve(args.sampleDir) };
}

function htmlFiles(dir) {
  const files = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) files.push(...htmlFiles(full));
    else if (name.endsWith(".html")) files.push(full);
  }
  return files.sort();
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const work = mkdtempSync(join(tmpdir(), "blogarchive-validate-"));
  const problems = [];
  let count = 0;
  try {
    const store = join(work, "sample.db");
    const site = join(work, "site");
    run(args.blogarchive, ["import", join(args.sampleDir, "werkstattblog.wordpress.xml"), "--store", store,
                           "--uploads", join(args.sampleDir, "uploads")]);
    process.chdir(args.sampleDir);
    run(args.blogarchive, ["build", "--store", store, "--config", join(args.sampleDir, "archive.toml"), "--out", site, "--quiet"]);
    const validator = new HtmlValidate({ extends: ["html-validate:recommended"] });
    for (const file of htmlFiles(site)) {
      const report = await validator.validateString(readFileSync(file, "utf8"), relative(site, file));
      count++;
      for (const result of report.results) {
        for (const message of result.messages) {
          problems.push(`${result.filePath}:${message.line}:${message.column}: ${message.ruleId}: ${message.message}`);
        }
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  if (problems.length > 0) {
    console.error(`${problems.length} messages from html-validate (recommended) on ${count} pages:\n${problems.slice(0, 100).join("\n")}`);
    process.exit(1);
  }
  console.log(`${count} pages: no message from html-validate (recommended)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
