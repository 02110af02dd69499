/**
 * Minimal report documents as `ahr check --format json` writes them (only the fields the
 * roll-up reads, plus a few it must ignore), for the roll-up tests.
 */
export interface MetricSpec {
  id: string;
  channel?: string;
  windowDays?: number;
  rate: number | null;
  status: "good" | "at_risk" | "breach" | "no_data";
  level?: "error" | "warn";
  marketplace?: string;
}

export interface ReportSpec {
  account?: string;
  asOf: string;
  metrics: MetricSpec[];
  ahr?: { score: number; band: string; status: "good" | "at_risk" | "breach"; deactivationRisk?: boolean };
  status: "good" | "at_risk" | "breach";
  exitCode: 0 | 1;
  breaches?: number;
  atRisk?: number;
}

export function reportDoc(s: ReportSpec): Record<string, unknown> {
  const ahr = s.ahr ?? { score: 204, band: "healthy", status: "good" };
  return {
    schemaVersion: 1,
    tool: { name: "ahr", version: "0.1.0" },
    ...(s.account !== undefined ? { account: s.account } : {}),
    asOf: s.asOf,
    timeZone: "UTC",
    inputs: [],
    metrics: s.metrics.map((m) => ({
      id: m.id,
      name: m.id.toUpperCase(),
      channel: m.channel ?? "all",
      windowDays: m.windowDays ?? 30,
      lagDays: 0,
      ...(m.marketplace !== undefined ? { marketplace: m.marketplace } : {}),
      rate: m.rate,
      level: m.level ?? "error",
      status: m.status,
      numerator: null,
      denominator: null,
    })),
    accountHealth: { estimated: true, deactivationRisk: false, ...ahr },
    attention: { overdue: [], dueToday: [] },
    summary: {
      status: s.status,
      breaches: s.breaches ?? s.metrics.filter((m) => m.status === "breach").length,
      atRisk: s.atRisk ?? s.metrics.filter((m) => m.status === "at_risk").length,
      exitCode: s.exitCode,
    },
    notes: [],
  };
}
