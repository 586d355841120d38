// Real-browser test of the dashboard page (page/): Debian's headless Chromium, driven by
// playwright-core, logs in through Keycloak's own login page (authorization code + PKCE), lands back
// on the page, which reads the region's dashboard from the API cross-origin; the numbers it shows
// are compared with what the API answers for the same access token. Then the same call from an
// origin that is not on the API's CORS allow-list must be refused by the browser.
//
// Run by BrowserE2E (./mvnw verify -Pe2e), which starts the stack and serves the page; by hand:
//   API_URL=http://localhost:8080 ISSUER=http://localhost:8180/realms/smartcity node browser-test.mjs
// (with ./run.sh running and the page served on 8090 and 8091, e.g. python3 -m http.server -d page).
//
// Exit code 0 when every check passed; the last line is "RESULT {json}" with what was seen.

import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";

const env = (name, fallback) => {
  const value = process.env[name];
  if (value !== undefined && value !== "") return value;
  if (fallback !== undefined) return fallback;
  throw new Error(`Set ${name}`);
};

const DASHBOARD_URL = env("DASHBOARD_URL", "http://localhost:8090/");
const REFUSED_URL = env("REFUSED_URL", "http://localhost:8091/");
const API_URL = env("API_URL", "http://localhost:8080");
const ISSUER = env("ISSUER", "http://localhost:8180/realms/smartcity");
const USERNAME = env("DEMO_USERNAME", "coordinator");
const PASSWORD = env("DEMO_PASSWORD", "demo");
const REGION = env("REGION_CODE", "33.03");
const OUT = resolve(env("OUT_DIR", "target/browser-test"));
const CHROMIUM = env("CHROMIUM", "/usr/bin/chromium");
const TIMEOUT_MS = Number(env("TIMEOUT_MS", "120000"));
const STEP_TIMEOUT_MS = 30_000;

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const log = (line) => console.log(`[browser-test ${elapsed()}] ${line}`);

class CheckFailed extends Error {}

function check(condition, message) {
  if (!condition) throw new CheckFailed(message);
}

function checkEqual(actual, expected, what) {
  check(actual === expected, `${what}: the page shows ${JSON.stringify(actual)}, the API says ${JSON.stringify(expected)}`);
}

/** The page's own formatting of an IDR amount ("150000000.00" -> "150.000.000,00"). */
function formatIdr(amount) {
  const [whole, fraction = "00"] = String(amount).split(".");
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ".") + "," + fraction.padEnd(2, "0");
}

async function apiJson(path, token, extraHeaders = {}) {
  const response = await fetch(`${API_URL}/api/v1${path}`, {
    headers: { Authorization: `Bearer ${token}`, Accept: "application/json", ...extraHeaders },
  });
  check(response.ok, `GET ${path} answered ${response.status}`);
  return response.json();
}

/** The same call as the page, run inside the page: what the browser lets the page see. */
const probeInPage = async ({ url, token }) => {
  try {
    const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
    return { status: response.status };
  } catch (e) {
    return { error: `${e.name}: ${e.message}` };
  }
};

async function run(context) {
  const result = {};
  const page = context.pages()[0] ?? (await context.newPage());
  const consoleLines = [];
  context.on("console", (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
  context.on("weberror", (error) => consoleLines.push(`error: uncaught ${error.error()}`));
  page.setDefaultTimeout(STEP_TIMEOUT_MS);

  // 1. The dashboard page, logged out.
  await page.goto(DASHBOARD_URL);
  await page.locator("#login").waitFor({ state: "visible" });
  log(`page open at ${DASHBOARD_URL}`);

  // 2. Keycloak's real login page, reached through the page's PKCE redirect.
  await page.locator("#login").click();
  await page.waitForURL((url) => url.toString().startsWith(`${ISSUER}/protocol/openid-connect/auth`));
  const authorize = new URL(page.url());
  check(authorize.searchParams.get("code_challenge_method") === "S256", `PKCE S256 expected: ${page.url()}`);
  check(/^[A-Za-z0-9_-]{43}$/.test(authorize.searchParams.get("code_challenge") ?? ""), "a SHA-256 code challenge");
  check(authorize.searchParams.get("client_id") === "smartcity-dashboard", "the SPA client");
  await page.locator("#username").waitFor({ state: "visible" });
  log(`on Keycloak's login page: ${await page.title()}`);
  await page.locator("#username").pressSequentially(USERNAME, { delay: 20 });
  await page.locator("#password").pressSequentially(PASSWORD, { delay: 20 });

  // 3. Back on the page: the code is exchanged (with the verifier) and the API is called cross-origin.
  const tokenResponse = page.waitForResponse(
    (r) => r.url() === `${ISSUER}/protocol/openid-connect/token` && r.request().method() === "POST",
  );
  const dashboardResponse = page.waitForResponse(
    (r) => r.url() === `${API_URL}/api/v1/regions/${REGION}/dashboard` && r.request().method() === "GET",
  );
  await page.locator("#kc-login").click();
  const tokens = await (await tokenResponse).json();
  check(typeof tokens.access_token === "string", `a token response: ${JSON.stringify(tokens).slice(0, 200)}`);
  const tokenRequest = new URLSearchParams((await tokenResponse).request().postData() ?? "");
  check(tokenRequest.get("grant_type") === "authorization_code", "the code grant");
  check((tokenRequest.get("code_verifier") ?? "").length >= 43, "the PKCE verifier is sent");
  const token = tokens.access_token;
  const apiCall = await dashboardResponse;
  checkEqual((await apiCall.request().allHeaders())["authorization"], `Bearer ${token}`, "the page's Authorization");
  checkEqual(apiCall.status(), 200, "the dashboard call's status");
  checkEqual(
    (await apiCall.allHeaders())["access-control-allow-origin"],
    new URL(DASHBOARD_URL).origin,
    "Access-Control-Allow-Origin for the dashboard's origin",
  );
  const status = page.locator("#status");
  await page.waitForFunction(() => ["ready", "error"].includes(document.querySelector("#status")?.dataset.state));
  check((await status.getAttribute("data-state")) === "ready", `the page says: ${await status.textContent()}`);
  check(page.url() === DASHBOARD_URL, `back on the page without the code in the address: ${page.url()}`);
  log(`logged in as ${USERNAME}, back on ${page.url()}; ${await status.textContent()}`);
  result.loggedInAs = (await page.locator("#who").textContent())?.trim();
  checkEqual(result.loggedInAs, `Logged in as ${USERNAME}`, "the user shown");

  // 4. The numbers on the page are the API's, for the same token.
  const claims = JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString("utf8"));
  checkEqual(claims.azp, "smartcity-dashboard", "the token's client");
  checkEqual(claims.iss, ISSUER, "the token's issuer");
  const dashboard = await apiJson(`/regions/${REGION}/dashboard`, token);
  const region = await apiJson(`/regions/${REGION}`, token);
  const cellText = async (dimension, field) =>
    (await page.locator(`tr[data-dimension="${dimension}"] td[data-field="${field}"]`).textContent())?.trim();
  checkEqual((await page.locator("#region-name").textContent())?.trim(), `${region.name} (${REGION})`, "region");
  check(dashboard.dimensions.length === 6, `six dimensions: ${dashboard.dimensions.length}`);
  checkEqual(await page.locator("tr[data-dimension]").count(), 7, "rows (six dimensions and the total)");
  const totals = { stakeholders: 0, fgdHeld: 0, quickWins: 0, inProgress: 0 };
  result.dimensions = {};
  for (const d of dashboard.dimensions) {
    const quickWins = Object.values(d.quickWinsByStatus).reduce((sum, n) => sum + n, 0);
    const expected = {
      stakeholders: String(d.stakeholders),
      fgdHeld: String(d.fgdSessions.held),
      quickWins: String(quickWins),
      inProgress: String(d.quickWinsByStatus.IN_PROGRESS),
      budgetPlanned: formatIdr(d.budgetPlanned),
      budgetRealised: formatIdr(d.budgetRealised),
      meanProgress: d.meanProgress ? `${d.meanProgress.value} %` : "–",
      overdueMilestones: String(d.overdueMilestones),
    };
    for (const [field, value] of Object.entries(expected)) {
      checkEqual(await cellText(d.dimension, field), value, `${d.dimension} ${field}`);
    }
    result.dimensions[d.dimension] = expected;
    totals.stakeholders += d.stakeholders;
    totals.fgdHeld += d.fgdSessions.held;
    totals.quickWins += quickWins;
    totals.inProgress += d.quickWinsByStatus.IN_PROGRESS;
  }
  for (const field of ["stakeholders", "fgdHeld", "quickWins", "inProgress"]) {
    checkEqual(await cellText("TOTAL", field), String(totals[field]), `total ${field}`);
  }
  for (const field of ["stakeholders", "fgdHeld", "quickWins"]) {
    checkEqual((await page.locator(`[data-total="${field}"]`).textContent())?.trim(), String(totals[field]), `card ${field}`);
  }
  const readinessIndex = (await page.locator('[data-readiness="index"]').textContent())?.trim();
  checkEqual(readinessIndex, dashboard.readiness.index.value, "readiness index");
  checkEqual((await page.locator('[data-readiness="band"]').textContent())?.trim(), dashboard.readiness.band.id, "band");
  result.totals = totals;
  result.readiness = { period: dashboard.readiness.period, index: readinessIndex, band: dashboard.readiness.band.id };
  log(`the page shows the API's figures: ${JSON.stringify(totals)}, readiness ${readinessIndex}`);

  mkdirSync(OUT, { recursive: true });
  result.screenshot = join(OUT, "dashboard.png");
  await page.screenshot({ path: result.screenshot, fullPage: true });
  log(`screenshot: ${result.screenshot}`);

  const dashboardErrors = consoleLines.filter((l) => l.startsWith("error"));
  check(dashboardErrors.length === 0, `errors in the browser console: ${dashboardErrors.join(" | ")}`);

  // 5. CORS: the same call from the allowed origin works, from another origin the browser refuses it.
  const target = `${API_URL}/api/v1/regions/${REGION}/dashboard`;
  result.allowedProbe = await page.evaluate(probeInPage, { url: target, token });
  checkEqual(result.allowedProbe.status, 200, `the call from ${new URL(DASHBOARD_URL).origin}`);
  const elsewhere = await context.newPage();
  elsewhere.setDefaultTimeout(STEP_TIMEOUT_MS);
  await elsewhere.goto(REFUSED_URL);
  await elsewhere.locator("#login").waitFor({ state: "visible" }); // the same page, served from there
  const blocked = elsewhere
    .waitForEvent("console", { predicate: (m) => m.text().includes("blocked by CORS policy"), timeout: 10_000 })
    .catch((e) => e); // awaited below, after the probe
  result.refusedProbe = await elsewhere.evaluate(probeInPage, { url: target, token });
  check(
    result.refusedProbe.error === "TypeError: Failed to fetch",
    `the call from ${new URL(REFUSED_URL).origin} must fail in the browser: ${JSON.stringify(result.refusedProbe)}`,
  );
  const message = await blocked;
  check(!(message instanceof Error), `Chromium reports the CORS refusal on the console: ${message}`);
  result.refusedConsole = message.text();
  check(
    result.refusedConsole.includes(`from origin '${new URL(REFUSED_URL).origin}'`),
    `Chromium names the refused origin: ${result.refusedConsole}`,
  );
  log(`refused from ${new URL(REFUSED_URL).origin}: ${result.refusedConsole}`);

  // The API's own answer to the preflights that the two origins send.
  const preflight = async (origin) => {
    const response = await fetch(target, {
      method: "OPTIONS",
      headers: {
        Origin: origin,
        "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "authorization",
      },
    });
    return { status: response.status, allowOrigin: response.headers.get("access-control-allow-origin") };
  };
  result.preflightAllowed = await preflight(new URL(DASHBOARD_URL).origin);
  result.preflightRefused = await preflight(new URL(REFUSED_URL).origin);
  checkEqual(result.preflightAllowed.allowOrigin, new URL(DASHBOARD_URL).origin, "preflight of the allowed origin");
  checkEqual(result.preflightRefused.allowOrigin, null, "no Access-Control-Allow-Origin for the refused origin");
  result.consoleErrors = consoleLines.filter((l) => l.startsWith("error"));
  log(`browser console errors: ${result.consoleErrors.length ? result.consoleErrors.join(" | ") : "none"}`);
  return result;
}

async function main() {
  log(`Chromium ${CHROMIUM}; page ${DASHBOARD_URL}; refused origin ${REFUSED_URL}; API ${API_URL}; issuer ${ISSUER}`);
  mkdirSync(OUT, { recursive: true });
  const userDataDir = mkdtempSync(join(OUT, "chromium-profile-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1360, height: 720 },
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  try {
    const result = await run(context);
    result.seconds = Number(((Date.now() - started) / 1000).toFixed(1));
    log("all checks passed");
    console.log(`RESULT ${JSON.stringify(result)}`);
    return 0;
  } catch (e) {
    for (const [i, page] of context.pages().entries()) {
      const path = join(OUT, `failure-${i}.png`);
      await page.screenshot({ path, fullPage: true }).catch(() => {});
      log(`failure screenshot of ${page.url()}: ${path}`);
    }
    console.error(e instanceof CheckFailed ? `CHECK FAILED: ${e.message}` : e);
    return 1;
  } finally {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

const deadline = setTimeout(() => {
  console.error(`TIMEOUT after ${TIMEOUT_MS} ms`);
  process.exit(2);
}, TIMEOUT_MS);
const code = await main();
clearTimeout(deadline);
process.exitCode = code;
