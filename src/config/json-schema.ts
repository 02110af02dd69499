/**
 * The JSON Schema of the config file, generated from the zod schema so the two never disagree.
 * schema/ahr.config.schema.json is the committed copy that ships with the package (editors use it
 * through `"$schema"`); test/config/json-schema.test.ts fails when it is out of date.
 *
 * Regenerate after changing config/schema.ts:
 *   npm run build && node -e 'import("./dist/config/json-schema.js").then((m) => process.stdout.write(m.configJsonSchemaText()))' > schema/ahr.config.schema.json
 */
import { z } from "zod";
import { configSchema } from "./schema.js";

/** The JSON Schema (draft 2020-12) of ahr.config.json, as an object. */
export function configJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(configSchema, { io: "input", target: "draft-2020-12" }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    title: "ahr configuration",
    ...rest,
  };
}

/** The committed file's exact text: 2-space JSON and a final newline. */
export function configJsonSchemaText(): string {
  return JSON.stringify(configJsonSchema(), null, 2) + "\n";
}
