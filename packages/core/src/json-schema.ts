import { z } from 'zod';
import { ArticleSchema } from './model/article';
import { CoverageReportSchema } from './model/coverage-report';
import { DiagnosticSchema } from './model/diagnostic';
import { EditionSchema } from './model/edition';
import { FeedSchema } from './model/feed';
import { OutletSchema } from './model/outlet';
import { PipelineStateSchema, QuarantineEntrySchema } from './model/pipeline-state';
import { StorySchema } from './model/story';
import { StorySummarySchema } from './model/story-summary';

/** The entities published as JSON Schema files for non-TypeScript users. */
export const PUBLISHED_SCHEMAS = {
  article: ArticleSchema,
  outlet: OutletSchema,
  feed: FeedSchema,
  story: StorySchema,
  'story-summary': StorySummarySchema,
  'coverage-report': CoverageReportSchema,
  diagnostic: DiagnosticSchema,
  edition: EditionSchema,
  'pipeline-state': PipelineStateSchema,
  'quarantine-entry': QuarantineEntrySchema,
} as const;

/**
 * The JSON Schema (draft 2020-12) of each published entity, as newsloom writes it (defaults
 * applied), keyed by file stem. The files in `schema/` are these, kept current by a test.
 * @example const { article } = jsonSchemas(); // validate exported articles in Python with jsonschema
 */
export function jsonSchemas(): Record<string, object> {
  return Object.fromEntries(
    Object.entries(PUBLISHED_SCHEMAS).map(([name, schema]) => [
      name,
      {
        $id: `https://newsloom.dev/schema/${name}.schema.json`,
        ...z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }),
      },
    ]),
  );
}
