import type { OptionSpecs } from '../options';

/** The option of the read-only commands (`report`, `export`, `eval`). */
export const READONLY_OPTIONS: OptionSpecs = {
  readonly: {
    type: 'boolean',
    description: 'open the database read-only (read-only media, another user’s file)',
    default: 'off; these commands write nothing either way',
  },
};
