/** The Account Health Rating estimate's shape (ahr.ts computes it; the report carries it). */

export interface Deduction {
  policy: string;
  severity: "low" | "medium" | "high" | "critical";
  points: number;
  detectedAt: string;
}

export interface RepeatLimit {
  category: "intellectual_property" | "restricted_products";
  count: number;
  limit: number;
  reached: boolean;
}

export interface AccountHealth {
  /** With two or more marketplaces: the marketplace this estimate is of (SPEC 9.3). */
  marketplace?: string;
  score: number;
  band: "healthy" | "at_risk" | "unhealthy";
  estimated: true;
  violationsProvided: boolean;
  baseline: number;
  volumeBonus: number;
  orders180d: number;
  deductions: Deduction[];
  /** An open critical violation set the score to 0. */
  critical: boolean;
  deactivationRisk: boolean;
  repeatLimits: RepeatLimit[];
  /** For the exit code: unhealthy or deactivation risk = breach, at_risk band = at_risk. */
  status: "good" | "at_risk" | "breach";
  /** Notes for the report (not part of the JSON accountHealth object): "no orders input: ...". */
  notes?: string[];
}
