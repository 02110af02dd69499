// Regenerates schema/ahr.config.schema.json from the zod schema (run: npm run schema:config).
import { writeFileSync } from "node:fs";
import { configJsonSchemaText } from "../dist/config/json-schema.js";

writeFileSync(new URL("../schema/ahr.config.schema.json", import.meta.url), configJsonSchemaText());
console.log("wrote schema/ahr.config.schema.json");
