// What a visitor would notice in the default theme, checked in Chromium on a served
// archive: pages wider than the screen, text squeezed beside a float, a focused element
// hidden behind the privacy notice, accessibility violations (axe-core) in the light and
// the dark scheme, and a print-out cluttered with the archive's controls.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const AXE_SOURCE = require.resolve("axe-core/axe.min.js");

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };

// At a phone's width and a desktop's, nothing on the open page may make it scroll
// sideways (a long word in a title, a wide table or code line in a comment). Called on
// every page while it is open anyway; leaves the page at the desktop width.
export async function horizontalOverflow(page, path) {
  const found = [];
  for (const viewport of [PHONE, DESKTOP]) {
    await page.setViewportSize(viewport);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflow > 0) found.push(`${path} at ${viewport.width} px: the page is ${overflow} px wider than the screen`);
  }
  return found;
}

// At a desktop's width, text beside a floated image or caption keeps at least a third
// of the column: a float as wide as its content (a long caption, the text that stands
// for an image the archive does not have) would leave a column one word wide.
export async function squeezedText(page, path) {
  await page.setViewportSize(DESKTOP);
  const squeezed = await page.evaluate(() =>
    [...document.querySelectorAll(".content *")]
      .filter((element) => getComputedStyle(element).float !== "none")
      .map((element) => {
        const column = element.closest(".content").getBoundingClientRect().width;
        return { tag: element.tagName.toLowerCase(), className: element.className, share: element.getBoundingClientRect().width / column };
      })
      .filter((float) => float.share > 2 / 3),
  );
  return squeezed.map((float) =>
    `${path}: a floated ${float.tag}.${float.className} takes ${Math.round(float.share * 100)} % of the column, leaving the text beside it too narrow`);
}

// Tabbing through a page on a phone with the privacy notice showing: every focused
// element must be on screen and not under the notice (WCAG 2.4.11 Focus Not Obscured).
export async function checkFocusNotObscured(browser, origin, paths, problems) {
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  for (const path of paths) {
    await page.goto(origin + path, { waitUntil: "load" });
    if (!(await page.locator("#cookie-notice").isVisible())) {
      problems.push(`focus: ${path}: no visible privacy notice to test against`);
      continue;
    }
    const stops = await page.evaluate(() => document.querySelectorAll("a[href], button:not([hidden]), input").length);
    for (let i = 0; i < stops + 1; i++) {
      await page.keyboard.press("Tab");
      const hidden = await page.evaluate(() => {
        const focused = document.activeElement;
        if (!focused || focused === document.body) return null;
        const notice = document.getElementById("cookie-notice");
        const box = focused.getBoundingClientRect();
        if (notice.contains(focused) || box.width === 0 || focused.classList.contains("skip-link")) return null;
        const bar = notice.getBoundingClientRect();
        const under = box.bottom > bar.top && box.top < bar.bottom;
        const offScreen = box.bottom <= 0 || box.top >= window.innerHeight;
        return under || offScreen ? `${focused.tagName.toLowerCase()} "${focused.textContent.trim().slice(0, 40)}"` : null;
      });
      if (hidden) problems.push(`focus: ${path}: ${hidden} is focused but hidden by the privacy notice or off screen`);
    }
  }
  await context.close();
}

// axe-core's WCAG 2.x A and AA rules and its best practices on each page; in the dark
// scheme, where only colours change, its contrast rule. The pages' Content-Security-
// Policy would refuse the injected script, so this context alone bypasses it.
export async function checkAccessibility(browser, origin, paths, problems) {
  for (const colorScheme of ["light", "dark"]) {
    const context = await browser.newContext({ viewport: DESKTOP, colorScheme, bypassCSP: true });
    const page = await context.newPage();
    const runOnly = colorScheme === "light"
      ? { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] }
      : { type: "rule", values: ["color-contrast"] };
    for (const path of paths) {
      await page.goto(origin + path, { waitUntil: "load" });
      await page.addScriptTag({ path: AXE_SOURCE });
      const violations = await page.evaluate(async (options) => {
        const result = await window.axe.run(document, options);
        // How the author structured an article's headings is the author's (an old post
        // may jump from the title to an h3); the theme answers for everything else.
        const authored = (node) => document.querySelector(node.target[0])?.closest(".content, .comment-body, .term-description");
        return result.violations
          .map((v) => ({ ...v, nodes: v.id === "heading-order" ? v.nodes.filter((node) => !authored(node)) : v.nodes }))
          .filter((v) => v.nodes.length > 0)
          .map((v) => `${v.id} (${v.nodes.length}×: ${v.nodes[0].target.join(" ")})`);
      }, { runOnly, resultTypes: ["violations"] });
      for (const violation of violations) problems.push(`axe, ${colorScheme}: ${path}: ${violation}`);
    }
    await context.close();
  }
}

// Printed, an article is its text: no search, page menu, navigation, notice or footer.
export async function checkPrint(browser, origin, paths, problems) {
  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await context.newPage();
  await page.emulateMedia({ media: "print" });
  for (const path of paths) {
    await page.goto(origin + path, { waitUntil: "load" });
    const shown = await page.evaluate(() =>
      [".site-search", ".site-pages", ".cookie-notice", ".article-navigation", ".site-footer", ".pagination"]
        .filter((selector) => {
          const element = document.querySelector(selector);
          return element && getComputedStyle(element).display !== "none";
        }),
    );
    for (const selector of shown) problems.push(`print: ${path}: ${selector} is printed`);
    if (!(await page.locator("main h1").isVisible())) problems.push(`print: ${path}: the title is not printed`);
  }
  await context.close();
}

// The first few pages of each kind the archive has: overview, listings, articles,
// pages, search and 404. Enough to meet every template once or more.
export function pagesOfEachKind(paths, articlePaths) {
  const articles = paths.filter((path) => articlePaths.has(path));
  const listings = paths.filter((path) => /^\/(category|tag|page)\//.test(path) || /^\/\d{4}\/$/.test(path));
  const others = paths.filter((path) => !articlePaths.has(path) && !listings.includes(path) &&
                                        path !== "/" && !path.startsWith("/search") && path !== "/404.html");
  return ["/", "/search/", "/404.html", ...listings.slice(0, 3), ...articles.slice(0, 6), ...others.slice(0, 3)];
}
