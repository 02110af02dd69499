/** The package version (src/version.ts holds the one copy; B2/the lead repoint callers there). */
export { packageVersion } from "../version.js";
