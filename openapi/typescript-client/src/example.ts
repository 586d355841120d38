/**
 * How a dashboard uses the client. Compiled (not run) by `npm run check` in the Maven build, so a
 * change of the contract that breaks these uses (a renamed property, path or parameter, a new
 * required field, another enum value set) fails the build.
 */
import {
  ProblemError,
  createSmartCityClient,
  describeProblem,
  type DashboardDimension,
  type DimensionCode,
  type Problem,
  type QuickWinStatus,
  type SmartCityClient,
  type Stakeholder,
  type StakeholderRequest,
} from "./index";

export const PURBALINGGA = "33.03";

export function exampleClient(accessToken: () => string): SmartCityClient {
  return createSmartCityClient({ baseUrl: "http://localhost:8080", accessToken });
}

export interface DimensionFigures {
  dimension: DimensionCode;
  name: string;
  stakeholders: number;
  fgdSessionsHeld: number;
  quickWins: number;
  quickWinsInProgress: number;
  budgetPlannedIdr: string;
  budgetRealisedIdr: string;
  meanProgressPercent: string | undefined;
}

export interface DashboardFigures {
  regionCode: string;
  asOf: string | undefined;
  totalStakeholders: number;
  totalQuickWins: number;
  readinessIndex: string | undefined;
  readinessBand: string | undefined;
  dimensions: DimensionFigures[];
  etag: string | null;
}

function quickWinCount(d: DashboardDimension, status?: QuickWinStatus): number {
  const byStatus = d.quickWinsByStatus ?? {};
  if (status !== undefined) {
    return byStatus[status] ?? 0;
  }
  return Object.values(byStatus).reduce((sum, n) => sum + n, 0);
}

/** Reads one region's dashboard and sums it up the way a dashboard page shows it. */
export async function readDashboard(client: SmartCityClient, regionCode: string): Promise<DashboardFigures> {
  const { data, error, response } = await client.GET("/api/v1/regions/{regionCode}/dashboard", {
    params: { path: { regionCode } },
  });
  if (error) {
    throw new ProblemError(error);
  }
  const dimensions = (data.dimensions ?? []).map(
    (d): DimensionFigures => ({
      dimension: d.dimension ?? "GOVERNANCE",
      name: d.name?.en ?? d.dimension ?? "",
      stakeholders: d.stakeholders ?? 0,
      fgdSessionsHeld: d.fgdSessions?.held ?? 0,
      quickWins: quickWinCount(d),
      quickWinsInProgress: quickWinCount(d, "IN_PROGRESS"),
      budgetPlannedIdr: d.budgetPlanned ?? "0.00",
      budgetRealisedIdr: d.budgetRealised ?? "0.00",
      meanProgressPercent: d.meanProgress?.value,
    }),
  );
  return {
    regionCode: data.regionCode ?? regionCode,
    asOf: data.asOf,
    totalStakeholders: dimensions.reduce((sum, d) => sum + d.stakeholders, 0),
    totalQuickWins: dimensions.reduce((sum, d) => sum + d.quickWins, 0),
    readinessIndex: data.readiness?.index?.value,
    readinessBand: data.readiness?.band?.id,
    dimensions,
    etag: response.headers.get("ETag"),
  };
}

/** Lists the active government agencies grouped in one dimension whose name or organisation matches `q`. */
export async function agenciesOf(
  client: SmartCityClient,
  dimension: DimensionCode,
  q?: string,
): Promise<{ total: number; names: string[] }> {
  const { data, error } = await client.GET("/api/v1/regions/{regionCode}/stakeholders", {
    params: {
      path: { regionCode: PURBALINGGA },
      query: {
        dimension,
        kind: "GOVERNMENT_AGENCY",
        active: true,
        sort: "name",
        limit: 100,
        ...(q === undefined ? {} : { q }),
      },
    },
  });
  if (error) {
    throw new ProblemError(error);
  }
  const items: Stakeholder[] = data.items ?? [];
  return { total: data.total ?? 0, names: items.map((s) => s.name ?? "") };
}

/**
 * Adds a stakeholder. The body is the contract's StakeholderRequest: server-owned fields such as
 * `id` or `version` do not compile. Returns the new stakeholder and its ETag, or the problem of a
 * refusal (400 with the invalid fields, 403, 409 when the dimension already has a lead).
 */
export async function addStakeholder(
  client: SmartCityClient,
): Promise<{ created: Stakeholder; etag: string | null } | { problem: Problem }> {
  const body: StakeholderRequest = {
    name: "Komunitas Relawan TIK Bukateja",
    kind: "ICT_COMMUNITY",
    organisation: "Relawan TIK Purbalingga",
    email: "relawan@bukateja.example",
    phone: "0281-555123",
    memberships: [{ dimension: "SOCIETY", role: "MEMBER" }],
  };
  const { data, error, response } = await client.POST("/api/v1/regions/{regionCode}/stakeholders", {
    params: { path: { regionCode: PURBALINGGA } },
    body,
  });
  if (error) {
    return { problem: error };
  }
  return { created: data, etag: response.headers.get("ETag") };
}

/** An RFC 9457 problem, handled: a page size above 100 is a 400 that names the parameter. */
export async function tooLargeAPage(client: SmartCityClient): Promise<string> {
  const { error, response } = await client.GET("/api/v1/regions/{regionCode}/stakeholders", {
    params: { path: { regionCode: PURBALINGGA }, query: { limit: 101 } },
  });
  if (!error) {
    return "unexpectedly accepted";
  }
  switch (error.type) {
    case "urn:smartcity:problem:validation": {
      const fields = (error.errors ?? []).map((e) => e.field);
      return `${response.status}: invalid ${fields.join(", ")} — ${describeProblem(error)}`;
    }
    case "urn:smartcity:problem:unauthorized":
      return "log in again";
    default:
      return describeProblem(error);
  }
}
