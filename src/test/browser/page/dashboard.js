// A minimal dashboard: OpenID Connect authorization code flow with PKCE (S256) against Keycloak,
// done by hand with WebCrypto, then the API called cross-origin with the access token.
// Not part of the product. Nothing is loaded from the internet.

const DEFAULTS = {
  // ./run.sh: Keycloak on 8180, the API on 8080 (its CORS allow-list includes http://localhost:8090).
  issuer: "http://localhost:8180/realms/smartcity",
  apiUrl: "http://localhost:8080",
  clientId: "smartcity-dashboard",
  regionCode: "33.03",
};

const $ = (selector) => document.querySelector(selector);

function setStatus(state, text) {
  const el = $("#status");
  el.dataset.state = state;
  el.textContent = text;
}

async function loadConfig() {
  // The end-to-end test serves config.json next to the page; without it, the local stack's URLs.
  try {
    const response = await fetch("config.json", { cache: "no-store" });
    if (response.ok) {
      return { ...DEFAULTS, ...(await response.json()) };
    }
  } catch {
    // no config.json: defaults
  }
  return DEFAULTS;
}

// --- PKCE (RFC 7636) ---------------------------------------------------------------------------

function base64url(bytes) {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function randomToken(byteCount) {
  return base64url(crypto.getRandomValues(new Uint8Array(byteCount)));
}

async function s256(verifier) {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

function redirectUri() {
  return location.origin + location.pathname;
}

function claimsOf(jwt) {
  const part = jwt.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
  const json = new TextDecoder().decode(Uint8Array.from(atob(part), (c) => c.charCodeAt(0)));
  return JSON.parse(json);
}

async function startLogin(config) {
  const pending = { verifier: randomToken(48), state: randomToken(16), nonce: randomToken(16) };
  sessionStorage.setItem("smartcity.pkce", JSON.stringify(pending));
  const url = new URL(config.issuer + "/protocol/openid-connect/auth");
  url.search = new URLSearchParams({
    client_id: config.clientId,
    response_type: "code",
    scope: "openid",
    redirect_uri: redirectUri(),
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await s256(pending.verifier),
    code_challenge_method: "S256",
  }).toString();
  location.assign(url.toString());
}

async function finishLogin(config, params) {
  const pending = JSON.parse(sessionStorage.getItem("smartcity.pkce") ?? "null");
  sessionStorage.removeItem("smartcity.pkce");
  history.replaceState(null, "", redirectUri()); // the code is single-use: keep it out of the address bar
  if (params.has("error")) {
    throw new Error(`Keycloak refused the login: ${params.get("error")} ${params.get("error_description") ?? ""}`);
  }
  if (!pending || params.get("state") !== pending.state) {
    throw new Error("The login answer does not belong to this page (state differs)");
  }
  if (params.has("iss") && params.get("iss") !== config.issuer) {
    throw new Error(`The login answer comes from another issuer: ${params.get("iss")}`); // RFC 9207
  }
  const response = await fetch(config.issuer + "/protocol/openid-connect/token", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "authorization_code",
      code: params.get("code"),
      redirect_uri: redirectUri(),
      client_id: config.clientId,
      code_verifier: pending.verifier,
    }),
  });
  const tokens = await response.json();
  if (!response.ok) {
    throw new Error(`The token request failed: ${tokens.error} ${tokens.error_description ?? ""}`);
  }
  const id = claimsOf(tokens.id_token);
  if (id.nonce !== pending.nonce) {
    throw new Error("The ID token does not carry this login's nonce");
  }
  return { accessToken: tokens.access_token, username: id.preferred_username };
}

// --- the API -----------------------------------------------------------------------------------

async function api(config, accessToken, path) {
  const response = await fetch(config.apiUrl + "/api/v1" + path, {
    headers: { Authorization: `Bearer ${accessToken}`, Accept: "application/json" },
  });
  const body = await response.json();
  if (!response.ok) {
    // RFC 9457 problem details
    throw new Error(`${body.status} ${body.title}: ${body.detail ?? ""} [request ${body.requestId ?? "?"}]`);
  }
  return body;
}

/** "2560783220.00" -> "2.560.783.220,00" without going through floating point. */
export function formatIdr(amount) {
  const [whole, fraction = "00"] = String(amount ?? "0").split(".");
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ".") + "," + fraction.padEnd(2, "0");
}

function addIdr(a, b) {
  const cents = (s) => {
    const [whole, fraction = "0"] = String(s ?? "0").split(".");
    return BigInt(whole) * 100n + BigInt(fraction.padEnd(2, "0").slice(0, 2));
  };
  const total = cents(a) + cents(b);
  return `${total / 100n}.${String(total % 100n).padStart(2, "0")}`;
}

function quickWins(d) {
  return Object.values(d.quickWinsByStatus ?? {}).reduce((sum, n) => sum + n, 0);
}

function cell(field, text, numeric = true) {
  const td = document.createElement("td");
  td.dataset.field = field;
  td.textContent = text;
  if (numeric) td.className = "num";
  return td;
}

function render(region, dashboard) {
  $("#region-name").textContent = `${region.name} (${region.code})`;
  const rows = $("#rows");
  rows.replaceChildren();
  const total = { stakeholders: 0, fgdHeld: 0, quickWins: 0, inProgress: 0, planned: "0", realised: "0", overdue: 0 };
  for (const d of dashboard.dimensions) {
    const tr = document.createElement("tr");
    tr.dataset.dimension = d.dimension;
    tr.append(
      cell("name", d.name.id === d.name.en ? d.name.en : `${d.name.en} (${d.name.id})`, false),
      cell("stakeholders", String(d.stakeholders)),
      cell("fgdHeld", String(d.fgdSessions.held)),
      cell("quickWins", String(quickWins(d))),
      cell("inProgress", String(d.quickWinsByStatus.IN_PROGRESS ?? 0)),
      cell("budgetPlanned", formatIdr(d.budgetPlanned)),
      cell("budgetRealised", formatIdr(d.budgetRealised)),
      cell("meanProgress", d.meanProgress ? `${d.meanProgress.value} %` : "–"),
      cell("overdueMilestones", String(d.overdueMilestones)),
    );
    rows.append(tr);
    total.stakeholders += d.stakeholders;
    total.fgdHeld += d.fgdSessions.held;
    total.quickWins += quickWins(d);
    total.inProgress += d.quickWinsByStatus.IN_PROGRESS ?? 0;
    total.planned = addIdr(total.planned, d.budgetPlanned);
    total.realised = addIdr(total.realised, d.budgetRealised);
    total.overdue += d.overdueMilestones;
  }
  const tr = document.createElement("tr");
  tr.className = "total";
  tr.dataset.dimension = "TOTAL";
  tr.append(
    cell("name", "All dimensions", false),
    cell("stakeholders", String(total.stakeholders)),
    cell("fgdHeld", String(total.fgdHeld)),
    cell("quickWins", String(total.quickWins)),
    cell("inProgress", String(total.inProgress)),
    cell("budgetPlanned", formatIdr(total.planned)),
    cell("budgetRealised", formatIdr(total.realised)),
    cell("meanProgress", "", false),
    cell("overdueMilestones", String(total.overdue)),
  );
  rows.append(tr);
  $('[data-total="stakeholders"]').textContent = String(total.stakeholders);
  $('[data-total="fgdHeld"]').textContent = String(total.fgdHeld);
  $('[data-total="quickWins"]').textContent = String(total.quickWins);
  const readiness = dashboard.readiness;
  $('[data-readiness="period"]').textContent = readiness ? `(${readiness.period})` : "";
  $('[data-readiness="index"]').textContent = readiness ? readiness.index.value : "–";
  $('[data-readiness="band"]').textContent = readiness ? readiness.band.id : "not verified yet";
  $("#dashboard").hidden = false;
}

async function main() {
  const config = await loadConfig();
  const params = new URLSearchParams(location.search);
  if (!params.has("code") && !params.has("error")) {
    $("#login-box").hidden = false;
    $("#login").addEventListener("click", () => startLogin(config).catch((e) => setStatus("error", String(e))));
    setStatus("logged-out", "Not logged in.");
    return;
  }
  setStatus("loading", "Logging in…");
  const session = await finishLogin(config, params);
  $("#who").textContent = `Logged in as ${session.username}`;
  setStatus("loading", "Loading the dashboard…");
  const [region, dashboard] = await Promise.all([
    api(config, session.accessToken, `/regions/${config.regionCode}`),
    api(config, session.accessToken, `/regions/${config.regionCode}/dashboard`),
  ]);
  render(region, dashboard);
  setStatus("ready", `Dashboard as of ${dashboard.asOf}, read from ${config.apiUrl} by ${location.origin}.`);
}

main().catch((e) => setStatus("error", String(e instanceof Error ? e.message : e)));
