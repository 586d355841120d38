/**
 * Verifying a webhook delivery of the API (Standard Webhooks, https://www.standardwebhooks.com/):
 * `webhook-signature` holds one or more `v1,<base64 HMAC-SHA256>` of `id.timestamp.body`, keyed
 * with the 32 bytes of the subscription's `whsec_…` secret (two signatures while a secret is being
 * rotated). Hand-written, with the Web Crypto API only (Node.js 20 and browsers), so the client
 * needs no dependency for it; the `standardwebhooks` npm package does the same.
 */
import type { components } from "./generated/schema";

/** A delivery's body: the event exactly as `GET /api/v1/changes` shows it. */
export type ChangeEvent = components["schemas"]["ChangeEvent"];

/** A delivery that is not the API's, or too old or too new to accept. */
export class WebhookVerificationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WebhookVerificationError";
  }
}

export interface VerifyWebhookOptions {
  /** How far the timestamp may be from now, in seconds (default 300, as the specification suggests). */
  toleranceSeconds?: number;
  /** The current time in Unix seconds (tests). */
  nowSeconds?: number;
}

/** Request headers: a Fetch `Headers`, or a record such as Node.js's `req.headers` (names lower-case). */
export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

function header(headers: WebhookHeaders, name: string): string | undefined {
  if (typeof Headers !== "undefined" && headers instanceof Headers) {
    return headers.get(name) ?? undefined;
  }
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? value[0] : value;
}

function base64Bytes(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) {
    bytes[i] = binary.charCodeAt(i);
  }
  return bytes;
}

/**
 * Checks a delivery and answers its event. `body` is the raw body as received (not parsed and
 * serialised again: the signature is over the exact bytes). Throws {@link WebhookVerificationError}
 * when a header is missing, the timestamp is outside the tolerance, or no signature matches.
 * De-duplicate on the answer's `id` (= `webhook-id`): a delivery may come more than once.
 */
export async function verifyWebhook(
  secret: string,
  body: string,
  headers: WebhookHeaders,
  options: VerifyWebhookOptions = {},
): Promise<ChangeEvent> {
  const id = header(headers, "webhook-id");
  const timestamp = header(headers, "webhook-timestamp");
  const signatures = header(headers, "webhook-signature");
  if (!id || !timestamp || !signatures) {
    throw new WebhookVerificationError("missing webhook-id, webhook-timestamp or webhook-signature");
  }
  const seconds = Number(timestamp);
  const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (!Number.isInteger(seconds) || Math.abs(now - seconds) > (options.toleranceSeconds ?? 300)) {
    throw new WebhookVerificationError("webhook-timestamp is outside the tolerance");
  }
  const key = await crypto.subtle.importKey(
    "raw",
    base64Bytes(secret.startsWith("whsec_") ? secret.slice("whsec_".length) : secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["verify"],
  );
  const signed = new TextEncoder().encode(`${id}.${timestamp}.${body}`);
  for (const versioned of signatures.split(" ")) {
    const [version, signature] = versioned.split(",");
    if (version !== "v1" || !signature) {
      continue;
    }
    let bytes: Uint8Array<ArrayBuffer>;
    try {
      bytes = base64Bytes(signature);
    } catch {
      continue;
    }
    // crypto.subtle.verify compares in constant time.
    if (await crypto.subtle.verify("HMAC", key, bytes, signed)) {
      return JSON.parse(body) as ChangeEvent;
    }
  }
  throw new WebhookVerificationError("no signature matches");
}
