// End-to-end test of built archives in a real browser (Debian's Chromium, driven by
// playwright-core) against `blogarchive serve`.
//
//   node archive.test.mjs --blogarchive PATH --export FILE.xml --config archive.toml
//                         [--uploads DIR] [--name NAME] [--cookie-notice] [--two-click] [--visitor]
//
// Imports the export, builds it, serves it on a free port of 127.0.0.1 and opens every
// page of the site. On each page: no dialog opens (alert/confirm/prompt are hooked and
// the browser's dialog event is watched), nothing is logged as a console error, no
// script error is thrown, and no request leaves 127.0.0.1. Then, depending on flags:
// the cookie notice can be dismissed and stays dismissed on the next page; with
// JavaScript off the articles still read well; two-click embeds load only after a click;
// --visitor: what a reader of the default theme would notice (visitor.mjs): no page wider
// than a phone or desktop screen, focus never hidden by the notice, no axe violation in
// either colour scheme, nothing but the text printed.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, run, serve } from "./site.mjs";
import { available, SKIPPED } from "../support/fixtures.mjs";
import { checkAccessibility, checkFocusNotObscured, checkPrint, horizontalOverflow, pagesOfEachKind, squeezedText }
  from "./visitor.mjs";

const CHROMIUM = process.env.BLOGARCHIVE_CHROMIUM || "/usr/bin/chromium";

function parseArgs(argv) {
  const args = { name: "site", cookieNotice: false, twoClick: false, visitor: false, searches: [] };
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i];
    if (key === "--cookie-notice") args.cookieNotice = true;
    else if (key === "--search") args.searches.push(argv[++i].split("=>"));
    else if (key === "--two-click") args.twoClick = true;
    else if (key === "--visitor") args.visitor = true;
    else args[key.replace(/^--/, "").replace(/-([a-z])/g, (_, c) => c.toUpperCase())] = argv[++i];
  }
  for (const required of ["blogarchive", "export", "config"]) {
    if (!args[required]) throw new Error(`missing --${required}`);
  }
  return args;
}

// Every page of the built site as a URL path: index.html files by their directory,
// other .html files by name.
function pagePaths(root) {
  const paths = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith(".html")) {
        const rel = relative(root, full).split(sep).join("/");
        paths.push("/" + (name === "index.html" ? rel.slice(0, -"index.html".length) : rel));
      }
    }
  };
  walk(root);
  return paths.sort().map((path) => path.split("/").map(encodeURIComponent).join("/"));
}

// The pages that show one article (their HTML says so), whatever the permalink scheme.
function articles(siteDir, paths) {
  return new Set(
    paths.filter((path) => {
      const file = join(siteDir, decodeURIComponent(path), path.endsWith("/") ? "index.html" : "");
      return readFileSync(file, "utf8").includes('<article class="article"');
    }),
  );
}

// Records everything on a page that must not happen.
function watch(context, origin, problems, label) {
  context.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(origin + "/") && !url.startsWith("data:") && !url.startsWith("about:")) {
      problems.push(`${label()}: request leaves the site: ${url}`);
    }
  });
  context.on("page", (page) => watchPage(page, problems, label));
}

function watchPage(page, problems, label) {
  page.on("dialog", async (dialog) => {
    problems.push(`${label()}: a ${dialog.type()} dialog opened: ${dialog.message()}`);
    await dialog.dismiss();
  });
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") {
      problems.push(`${label()}: console ${message.type()}: ${message.text()}`);
    }
  });
  page.on("pageerror", (error) => problems.push(`${label()}: script error: ${error.message}`));
}

// Counts calls of alert/confirm/prompt even if a page replaced the dialog event.
const HOOK_DIALOGS = () => {
  window.__dialogs = [];
  for (const name of ["alert", "confirm", "prompt"]) {
    window[name] = (message) => {
      window.__dialogs.push(`${name}(${message})`);
      return null;
    };
  }
};

async function blockForeignRequests(context, origin) {
  // Nothing may leave 127.0.0.1; a request that tries is recorded (above) and aborted
  // here so that the test never depends on the network.
  await context.route("**/*", (route) =>
    route.request().url().startsWith(origin + "/") ? route.continue() : route.abort("blockedbyclient"),
  );
}

async function visitEveryPage(browser, origin, paths, problems, visitor) {
  let current = "";
  const context = await browser.newContext();
  watch(context, origin, problems, () => current);
  await blockForeignRequests(context, origin);
  await context.addInitScript(HOOK_DIALOGS);
  const page = await context.newPage();
  for (const path of paths) {
    current = path;
    const response = await page.goto(origin + path, { waitUntil: "load" });
    if (!response || response.status() !== 200) {
      problems.push(`${path}: HTTP ${response ? response.status() : "no response"}`);
    }
    const dialogs = await page.evaluate(() => window.__dialogs);
    for (const call of dialogs) problems.push(`${path}: script called ${call}`);
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').count();
    if (csp !== 1) problems.push(`${path}: no Content-Security-Policy meta element`);
    if (visitor) problems.push(...(await horizontalOverflow(page, path)), ...(await squeezedText(page, path)));
  }
  await context.close();
}

// Each search is "QUERY=>PATH": typed into the box in the header of the overview, the
// query leads to the search page, whose first result is PATH; typed again key by key on
// the search page without its last letter, the unfinished word finds it too; and the
// keyboard reaches the first result from the search field.
async function checkSearch(browser, origin, searches, problems) {
  const context = await browser.newContext();
  watch(context, origin, problems, () => "search");
  await blockForeignRequests(context, origin);
  const page = await context.newPage();
  const firstResult = page.locator(".search-results li h2 a").first();
  for (const [query, expected] of searches) {
    await page.goto(origin + "/");
    await page.locator("#site-search-q").fill(query);
    await page.locator("#site-search-q").press("Enter");
    await page.waitForURL(/\/search\/\?q=/);
    await firstResult.waitFor({ timeout: 10000 }).catch(() => {});
    const href = (await firstResult.count()) ? await firstResult.getAttribute("href") : "(no result)";
    if (href !== expected) problems.push(`search "${query}" from the header: first result ${href}, expected ${expected}`);
    if (!new URL(page.url()).searchParams.get("q")) problems.push(`search "${query}": the URL does not carry the query`);
    const marked = await page.locator(".search-results mark").count();
    if (marked === 0) problems.push(`search "${query}": no matched word is highlighted`);

    const field = page.locator("#search-q");
    await field.fill("");
    await field.pressSequentially(query.slice(0, -1), { delay: 40 });
    await page.waitForFunction(
      (q) => new URL(location.href).searchParams.get("q") === q && document.querySelector(".search-results li"),
      query.slice(0, -1), { timeout: 10000 }).catch(() => {});
    const typed = (await firstResult.count()) ? await firstResult.getAttribute("href") : "(no result)";
    if (typed !== expected) problems.push(`search "${query.slice(0, -1)}" while typing: first result ${typed}, expected ${expected}`);

    await field.focus();
    await page.keyboard.press("Tab");  // the search button
    await page.keyboard.press("Tab");  // the first result
    const focused = await page.evaluate(() => document.activeElement && document.activeElement.getAttribute("href"));
    if (focused !== expected) problems.push(`search "${query}": Tab from the field reaches ${focused}, not the first result`);
  }
  await context.close();
}

async function checkCookieNotice(browser, origin, problems) {
  const context = await browser.newContext();
  watch(context, origin, problems, () => "cookie notice");
  await blockForeignRequests(context, origin);
  const page = await context.newPage();
  await page.goto(origin + "/");
  const notice = page.locator("#cookie-notice");
  if (!(await notice.isVisible())) problems.push("cookie notice: not shown on the first visit");
  const privacyLink = notice.locator("a");
  if ((await privacyLink.count()) === 0) problems.push("cookie notice: no link to the privacy policy");
  await notice.locator("button").click();
  if (await notice.isVisible()) problems.push("cookie notice: still visible after dismissing it");
  const article = await page.locator("main a[href^='/20']").first().getAttribute("href");
  await page.goto(origin + article);
  if (await page.locator("#cookie-notice").isVisible()) {
    problems.push(`cookie notice: shown again on ${article} after it was dismissed`);
  }
  await context.close();
}

async function checkWithoutJavaScript(browser, origin, paths, articlePaths, problems) {
  const context = await browser.newContext({ javaScriptEnabled: false });
  await blockForeignRequests(context, origin);
  const page = await context.newPage();
  const articles = paths.filter((path) => articlePaths.has(path)).slice(0, 20);
  if (articles.length === 0) problems.push("no JavaScript: no article pages found");
  for (const path of articles) {
    await page.goto(origin + path);
    const heading = page.locator("main h1");
    if (!(await heading.isVisible())) problems.push(`no JavaScript: ${path}: the title is not visible`);
    const text = (await page.locator("main").innerText()).trim();
    if (text.length < 40) problems.push(`no JavaScript: ${path}: the article reads as ${JSON.stringify(text)}`);
    const notice = page.locator("#cookie-notice");
    if ((await notice.count()) > 0 && (await notice.locator("button").isVisible())) {
      problems.push(`no JavaScript: ${path}: the cookie notice shows a button that cannot work`);
    }
  }
  await context.close();
}

async function checkTwoClickEmbeds(browser, origin, paths, problems) {
  const context = await browser.newContext();
  const requests = [];
  context.on("request", (request) => requests.push(request.url()));
  // The provider is never contacted for real: its answer is a stub.
  await context.route("**/*", (route) =>
    route.request().url().startsWith(origin + "/")
      ? route.continue()
      : route.fulfill({ status: 200, contentType: "text/html", body: "<p>player</p>" }),
  );
  const page = await context.newPage();
  // A player refused by the Content-Security-Policy would show up here as a console error.
  watchPage(page, problems, () => "two-click");
  let found = false;
  for (const path of paths) {
    await page.goto(origin + path);
    const button = page.locator(".embed .embed-load").first();
    if ((await button.count()) === 0) continue;
    found = true;
    const foreign = () => requests.filter((url) => !url.startsWith(origin + "/"));
    if (foreign().length > 0) problems.push(`two-click: ${path}: requests before the click: ${foreign()}`);
    await button.click();
    const frame = page.locator("iframe.embed-frame");
    await frame.waitFor();
    const src = await frame.getAttribute("src");
    if (!src.startsWith("https://www.youtube-nocookie.com/embed/")) problems.push(`two-click: player src ${src}`);
    const player = await (await frame.elementHandle()).contentFrame();
    await player.waitForSelector("text=player");  // the stub answered: the frame was allowed to load
    break;
  }
  if (!found) problems.push("two-click: no page offers a two-click embed");
  await context.close();
}

async function checkVisitor(browser, origin, paths, articlePaths, args, problems) {
  const kinds = pagesOfEachKind(paths, articlePaths);
  const searches = args.searches.map(([query]) => `/search/?q=${encodeURIComponent(query)}`);
  await checkAccessibility(browser, origin, [...kinds, ...searches.slice(0, 1)], problems);
  await checkPrint(browser, origin, kinds.filter((path) => articlePaths.has(path)).slice(0, 3), problems);
  if (args.cookieNotice) {
    await checkFocusNotObscured(browser, origin, ["/", ...kinds.filter((path) => articlePaths.has(path)).slice(0, 3)], problems);
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!available(args.export, `${args.name} in the browser`)) {
    process.exit(process.exitCode || SKIPPED);
  }
  const work = mkdtempSync(join(tmpdir(), `blogarchive-browser-${args.name}-`));
  const store = join(work, "archive.db");
  const siteDir = join(work, "site");
  run(args.blogarchive, ["import", args.export, "--store", store, ...(args.uploads ? ["--uploads", args.uploads] : [])]);
  run(args.blogarchive, ["build", "--store", store, "--config", args.config, "--out", siteDir, "--quiet"]);
  const paths = pagePaths(siteDir);
  const { server, origin } = await serve(args.blogarchive, siteDir);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
  });
  const problems = [];
  try {
    await visitEveryPage(browser, origin, paths, problems, args.visitor);
    if (args.cookieNotice) await checkCookieNotice(browser, origin, problems);
    if (args.searches.length) await checkSearch(browser, origin, args.searches, problems);
    await checkWithoutJavaScript(browser, origin, paths, articles(siteDir, paths), problems);
    if (args.twoClick) await checkTwoClickEmbeds(browser, origin, paths, problems);
    if (args.visitor) await checkVisitor(browser, origin, paths, articles(siteDir, paths), args, problems);
  } finally {
    await browser.close();
    server.kill();
    rmSync(work, { recursive: true, force: true });
  }
  console.log(`${args.name}: ${paths.length} pages opened in Chromium`);
  if (problems.length > 0) {
    console.error(`${problems.length} problems:\n` + problems.slice(0, 200).join("\n"));
    process.exit(1);
  }
  console.log(`${args.name}: no dialog, no console error, no request beyond ${origin}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
