/**
 * Typed client of the Smart City Planning API.
 *
 * The types come from the contract (openapi/openapi.yaml) through openapi-typescript
 * (`npm run generate` writes src/generated/schema.d.ts); requests go through openapi-fetch, so a
 * path, a parameter, a request body or a response property that the contract does not have is a
 * compile error.
 */
import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { components, paths } from "./generated/schema";

export type { components, operations, paths } from "./generated/schema";

export type Schemas = components["schemas"];
export type Dashboard = Schemas["Dashboard"];
export type DashboardDimension = Schemas["DashboardDimension"];
export type DimensionCode = Schemas["DimensionCode"];
export type Stakeholder = Schemas["Stakeholder"];
export type StakeholderRequest = Schemas["StakeholderRequest"];
export type StakeholderKind = Schemas["StakeholderKind"];
export type QuickWinStatus = Schemas["QuickWinStatus"];
/** RFC 9457 problem details: the body of every error response (`application/problem+json`). */
export type Problem = Schemas["Problem"];

/**
 * The media types the client reads: `application/json` for data and `application/problem+json`
 * for errors. CSV exports (`Accept: text/csv`) are left to a plain fetch.
 */
export type JsonMedia = `application/${string}json`;

export type SmartCityClient = Client<paths, JsonMedia>;

export interface SmartCityClientOptions {
  /** The API's origin, e.g. `https://api.smartcity.example.go.id`; paths start with `/api/v1`. */
  baseUrl: string;
  /** Returns a current access token of the `smartcity` realm (refresh it before it expires). */
  accessToken: () => string | Promise<string>;
  /** A fetch to use instead of the global one (tests, server-side rendering). */
  fetch?: typeof globalThis.fetch;
}

export function createSmartCityClient(options: SmartCityClientOptions): SmartCityClient {
  const client = createClient<paths, JsonMedia>({
    baseUrl: options.baseUrl.replace(/\/+$/, ""),
    headers: { Accept: "application/json" },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const bearer: Middleware = {
    async onRequest({ request }) {
      request.headers.set("Authorization", `Bearer ${await options.accessToken()}`);
      return request;
    },
  };
  client.use(bearer);
  return client;
}

/** An error answer of the API, carrying its problem details. */
export class ProblemError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(describeProblem(problem));
    this.name = "ProblemError";
    this.problem = problem;
  }

  /** The problem type without the `urn:smartcity:problem:` prefix, e.g. `validation`. */
  get kind(): string {
    return this.problem.type.replace(/^urn:smartcity:problem:/, "");
  }
}

/** One line for a person: title, detail, the invalid fields and the request id to quote. */
export function describeProblem(problem: Problem): string {
  const fields = (problem.errors ?? []).map((e) => `${e.field}: ${e.message}`);
  return [
    `${problem.status} ${problem.title}`,
    problem.detail,
    fields.length > 0 ? `(${fields.join("; ")})` : undefined,
    problem.requestId ? `[request ${problem.requestId}]` : undefined,
  ]
    .filter((part): part is string => part !== undefined && part !== "")
    .join(" ");
}

/** Whether a value looks like RFC 9457 problem details (e.g. an error from a non-typed call). */
export function isProblem(value: unknown): value is Problem {
  if (typeof value !== "object" || value === null) {
    return false;
  }
  const v = value as Record<string, unknown>;
  return typeof v["type"] === "string" && typeof v["title"] === "string" && typeof v["status"] === "number";
}

export { verifyWebhook, WebhookVerificationError } from "./webhooks";
export type { ChangeEvent, VerifyWebhookOptions, WebhookHeaders } from "./webhooks";
