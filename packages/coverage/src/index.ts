// Public API of @newsloom/coverage: named exports only.
export { analyzeCoverage } from './analyze-coverage';
export {
  type CoverageMatrixRow,
  coverageMatrixRows,
  coverageMatrixToCsv,
  coverageMatrixToJson,
  coverageReportToJson,
} from './export';
export type {
  AnalyzeCoverageOptions,
  HeadlineWeights,
  MinorityOptions,
  TopHeadlineOptions,
} from './options';
export {
  type AttributeTableOptions,
  attributeValue,
  outletAttributesFromTable,
  withOutletAttributes,
} from './outlet-attributes';
export type { CoverageArticle, CoverageInput, CoverageOutlet, CoverageStory } from './types';
export type { CoverageWindow } from './window';
