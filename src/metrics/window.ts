/** Rolling windows: W(days, lag) = calendar days [D - lag - days + 1, D - lag], both ends in. */
import { formatDay } from "../time.js";

export interface Window {
  /** First day in (day number). */
  from: number;
  /** Last day in (day number). */
  to: number;
  days: number;
  lagDays: number;
}

export function windowFor(asOf: number, days: number, lagDays: number): Window {
  const to = asOf - lagDays;
  return { from: to - days + 1, to, days, lagDays };
}

export function inWindow(day: number, w: Window): boolean {
  return day >= w.from && day <= w.to;
}

export function windowDates(w: Window): { from: string; to: string } {
  return { from: formatDay(w.from), to: formatDay(w.to) };
}
