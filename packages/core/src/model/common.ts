import { z } from 'zod';

/**
 * An ISO 8601 timestamp in UTC (`2021-04-22T14:00:00Z`, fractional seconds allowed). Every
 * time that crosses a package boundary has this form, so comparing strings compares instants.
 */
export const IsoDateTimeSchema = z.iso.datetime({ offset: false });
/** An ISO 8601 UTC timestamp string. */
export type IsoDateTime = z.infer<typeof IsoDateTimeSchema>;

/** A free-form record for data the model does not name (dataset fields, adapter extras). */
export const MetaSchema = z.record(z.string(), z.unknown());
/** Free-form metadata. */
export type Meta = z.infer<typeof MetaSchema>;

/** An absolute http(s) URL. */
export const HttpUrlSchema = z.url({ protocol: /^https?$/ });
