import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchemas } from './json-schema';

describe('published JSON Schema files', () => {
  it.each(Object.entries(jsonSchemas()))('schema/%s.schema.json is current', (name, schema) => {
    const path = join(import.meta.dirname, '..', 'schema', `${name}.schema.json`);
    const onDisk: unknown = JSON.parse(readFileSync(path, 'utf8'));
    // If this fails, run: pnpm --filter @newsloom/core generate:schema
    expect(onDisk).toEqual(schema);
  });

  it('describes the article fields', () => {
    const article = jsonSchemas().article as {
      required: string[];
      properties: Record<string, unknown>;
    };
    expect(article.required).toEqual(
      expect.arrayContaining(['id', 'url', 'title', 'publishedAt', 'outletId']),
    );
    expect(Object.keys(article.properties)).toContain('canonicalUrl');
  });
});
