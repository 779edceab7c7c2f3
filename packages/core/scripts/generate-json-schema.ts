// Writes packages/core/schema/*.schema.json from the zod schemas. Run after changing a model:
//   pnpm --filter @newsloom/core generate:schema
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jsonSchemas } from '../src/json-schema';

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'schema');
for (const [name, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(join(outDir, `${name}.schema.json`), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote schema/${name}.schema.json`);
}
