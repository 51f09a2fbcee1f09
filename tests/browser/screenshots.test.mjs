// Screenshot test of the default theme: each page kind of the sample and of the
// WordPress Theme Unit Test, on a desktop, a phone, in the dark scheme and printed,
// compared with the reviewed baselines in baselines/ within a small tolerance.
//
//   node screenshots.test.mjs --blogarchive PATH --sample-dir examples/ --theme-unit-test FILE.xml
//
// BLOGARCHIVE_UPDATE_SCREENSHOTS=1 writes the current screenshots as the baselines;
// `git diff --stat tests/browser/baselines` then lists what changed, to be looked at one
// by one before committing. A failing comparison leaves the screenshot and a diff image
// (changed pixels in red) in a temporary folder the output names. Without the Theme
// Unit Test export (no ../shared beside the project) its shots are skipped with one
// line, and fail instead when CI=true.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import pixelmatch from "pixelmatch";
import { PNG } from "pngjs";
import { chromium } from "playwright-core";
import { buildAndServe, CHROMIUM_ARGS, parseArgs } from "./site.mjs";
import { available } from "../support/fixtures.mjs";
import { DESKTOP, PHONE } from "./visitor.mjs";

const CHROMIUM = process.env.BLOGARCHIVE_CHROMIUM || "/usr/bin/chromium";
const BASELINES = join(dirname(fileURLToPath(import.meta.url)), "baselines");
const UPDATE = Boolean(process.env.BLOGARCHIVE_UPDATE_SCREENSHOTS);
// Anti-aliasing and JPEG decoding may move a few pixels between runs; a changed rule
// moves thousands.
const PIXEL_THRESHOLD = 0.1;
const MAX_CHANGED_SHARE = 0.002;

const MODES = {
  desktop: { viewport: DESKTOP, colorScheme: "light", media: "screen" },
  phone: { viewport: PHONE, colorScheme: "light", media: "screen" },
  dark: { viewport: DESKTOP, colorScheme: "dark", media: "screen" },
  print: { viewport: DESKTOP, colorScheme: "light", media: "print" },
};

// name → page and what to scroll to the top of the screen before the shot. The Theme
// Unit Test's images are on wordpress.com and so shown as links: images come from the
// sample, which has them.
const SAMPLE_SHOTS = {
  overview: { path: "/" },
  "article-comments": { path: "/2007/03/hobelbank-fertig/", scrollTo: ".article-navigation" },
  "gallery-classic": { path: "/2010/04/eine-truhe-aus-eiche/", scrollTo: ".gallery" },
  "aligned-images-table": { path: "/2008/10/ein-regal-fuer-die-kueche/", scrollTo: ".content" },
  "search-results": { path: "/search/?q=Hobelbank", waitFor: ".search-results li" },
  "not-found": { path: "/no-such-page/" },
};
const THEME_UNIT_TEST_SHOTS = {
  "long-title": { path: "/2009/10/05/title-should-not-overflow-the-content-area/" },
  "gallery-block": { path: "/2018/11/02/block-gallery/", scrollTo: ".wp-block-gallery" },
  table: { path: "/2013/01/11/markup-html-tags-and-formatting/", scrollTo: ".content table" },
  "code-block": { path: "/2018/11/02/block-category-formatting/", scrollTo: ".content pre" },
  "comments-markup": { path: "/2012/01/03/template-comments/", scrollTo: "#comments" },
  "category-index": { path: "/category/" },
};

async function shoot(browser, origin, name, shot, mode) {
  const settings = MODES[mode];
  const context = await browser.newContext({ viewport: settings.viewport, colorScheme: settings.colorScheme });
  // The privacy notice as a returning reader has dismissed it: it would cover the content.
  await context.addInitScript(() => window.localStorage.setItem("blogarchive-cookie-notice-dismissed", "1"));
  const page = await context.newPage();
  await page.emulateMedia({ media: settings.media });
  await page.goto(origin + shot.path, { waitUntil: "load" });
  if (shot.waitFor) await page.locator(shot.waitFor).first().waitFor({ timeout: 10000 });
  if (shot.scrollTo) {
    await page.evaluate((selector) => {
      const target = document.querySelector(selector);
      if (target) window.scrollTo(0, Math.max(0, target.getBoundingClientRect().top + window.scrollY - 24));
    }, shot.scrollTo);
  }
  // Lazy images load when scrolled near, some time after: every image loads now, and
  // the shot waits for all of them, so that it never catches one half-way.
  await page.evaluate(async () => {
    for (const image of document.querySelectorAll('img[loading="lazy"]')) image.loading = "eager";
    await Promise.all([...document.images].map((image) => image.decode().catch(() => {})));
    await document.fonts.ready;
  });
  const image = await page.screenshot({ animations: "disabled", caret: "hide" });
  await context.close();
  return image;
}

function compare(actual, baselineFile) {
  const expected = PNG.sync.read(readFileSync(baselineFile));
  const got = PNG.sync.read(actual);
  if (expected.width !== got.width || expected.height !== got.height) {
    return { share: 1, diff: null, why: `size ${got.width}×${got.height}, baseline ${expected.width}×${expected.height}` };
  }
  const diff = new PNG({ width: got.width, height: got.height });
  const changed = pixelmatch(expected.data, got.data, diff.data, got.width, got.height, { threshold: PIXEL_THRESHOLD });
  const share = changed / (got.width * got.height);
  return { share, diff: PNG.sync.write(diff), why: `${changed} pixels (${(share * 100).toFixed(2)} %) differ` };
}

async function checkShots(browser, origin, shots, problems, failures) {
  let count = 0;
  for (const [name, shot] of Object.entries(shots)) {
    for (const mode of Object.keys(MODES)) {
      const file = `${name}-${mode}.png`;
      const image = await shoot(browser, origin, name, shot, mode);
      count++;
      if (UPDATE) {
        writeFileSync(join(BASELINES, file), image);
        continue;
      }
      if (!existsSync(join(BASELINES, file))) {
        problems.push(`${file}: no baseline (BLOGARCHIVE_UPDATE_SCREENSHOTS=1 writes it; look at it before committing)`);
        continue;
      }
      const result = compare(image, join(BASELINES, file));
      if (result.share > MAX_CHANGED_SHARE) {
        problems.push(`${file}: ${result.why} (${shot.path})`);
        writeFileSync(join(failures, file), image);
        if (result.diff) writeFileSync(join(failures, file.replace(".png", ".diff.png")), result.diff);
      }
    }
  }
  return count;
}

async function main() {
  const args = parseArgs(process.argv.slice(2), ["blogarchive", "sampleDir"], ["blogarchive", "sampleDir", "themeUnitTest"]);
  mkdirSync(BASELINES, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), "blogarchive-screenshots-"));
  const failures = mkdtempSync(join(tmpdir(), "blogarchive-screenshot-failures-"));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const problems = [];
  const servers = [];
  let count = 0;
  try {
    const sample = await buildAndServe(args.blogarchive, work, "sample",
      [join(args.sampleDir, "werkstattblog.wordpress.xml"), "--uploads", join(args.sampleDir, "uploads")],
      join(args.sampleDir, "archive.toml"), args.sampleDir);
    servers.push(sample.server);
    count += await checkShots(browser, sample.origin, SAMPLE_SHOTS, problems, failures);
    if (available(args.themeUnitTest, "the Theme Unit Test's screenshots")) {
      const configDir = dirname(fileURLToPath(import.meta.url));
      const unit = await buildAndServe(args.blogarchive, work, "theme-unit-test", [args.themeUnitTest],
        join(configDir, "theme-unit-test.toml"), configDir);
      servers.push(unit.server);
      count += await checkShots(browser, unit.origin, THEME_UNIT_TEST_SHOTS, problems, failures);
    }
  } finally {
    await browser.close();
    for (const server of servers) server.kill();
    rmSync(work, { recursive: true, force: true });
  }
  if (UPDATE) {
    console.log(`${count} baselines written to ${BASELINES}`);
    return;
  }
  if (problems.length > 0) {
    console.error(`${problems.length} of ${count} screenshots differ from their baselines:\n${problems.join("\n")}`);
    console.error(`the screenshots and diff images (changed pixels in red) are in ${failures}`);
    process.exit(1);
  }
  rmSync(failures, { recursive: true, force: true });
  console.log(`${count} screenshots match their baselines`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
