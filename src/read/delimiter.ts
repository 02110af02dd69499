/**
 * SPEC 8.14: the delimiter is the most frequent of tab, comma and semicolon in the header line;
 * ties go to tab, then comma.
 */

export type Delimiter = "\t" | "," | ";";

export function detectDelimiter(headerLine: string): Delimiter {
  let tabs = 0;
  let commas = 0;
  let semis = 0;
  for (let i = 0; i < headerLine.length; i++) {
    const c = headerLine.charCodeAt(i);
    if (c === 9) tabs++;
    else if (c === 44) commas++;
    else if (c === 59) semis++;
  }
  if (tabs >= commas && tabs >= semis) return "\t";
  if (commas >= semis) return ",";
  return ";";
}
