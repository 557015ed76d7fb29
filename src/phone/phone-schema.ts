// The phone result as a schema: the response contract (and OpenAPI) of every endpoint that returns one.
import Type, { type Static } from 'typebox';

export const PHONE_REASONS = [
  'not_a_number',
  'invalid_country_code',
  'too_short',
  'too_long',
  'invalid_length',
  'invalid_number',
  'valid_for_other_region',
] as const;
export const LINE_TYPES = [
  'mobile',
  'fixed_line',
  'fixed_line_or_mobile',
  'toll_free',
  'premium_rate',
  'shared_cost',
  'voip',
  'personal_number',
  'pager',
  'uan',
  'voicemail',
  'unknown',
] as const;
export type PhoneReason = (typeof PHONE_REASONS)[number];
export type LineType = (typeof LINE_TYPES)[number];

const Nullable = <T extends Type.TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const PhoneResultSchema = Type.Object({
  input: Type.String({ description: 'The input exactly as sent' }),
  valid: Type.Boolean(),
  confidence: Type.Union([Type.Literal('verified'), Type.Literal('likely'), Type.Literal('unknown')], {
    description:
      'verified: valid and of one definite type; likely: valid, type ambiguous (fixed_line_or_mobile); unknown: not valid',
  }),
  reason: Nullable(Type.Enum(PHONE_REASONS, { description: 'Why the number is not valid; null when it is' })),
  line_type: Type.Enum(LINE_TYPES, {
    description: 'What the numbering plan allocates the number to; unknown when it is not valid',
  }),
  carrier: Nullable(
    Type.String({ description: 'The carrier the number range was originally allocated to (numbers may have been ported since)' }),
  ),
  carrier_source: Nullable(Type.Literal('original_allocation')),
  country: Nullable(
    Type.Object({
      iso2: Nullable(Type.String()),
      iso3: Nullable(Type.String()),
      code: Type.Integer({ description: 'Country calling code' }),
      name: Nullable(Type.String()),
      flag: Nullable(Type.String()),
      numeric: Nullable(Type.Integer({ description: 'ISO 3166-1 numeric code' })),
      description: Nullable(Type.String({ description: 'The geographic area of the number, where known' })),
    }),
  ),
  format: Nullable(
    Type.Object({
      e164: Type.String(),
      international: Type.String(),
      national: Type.String(),
      out_of_usa: Type.String({ description: 'As dialled from the United States' }),
      rfc3966: Type.String(),
    }),
  ),
  extension: Nullable(Type.String()),
  time_zones: Type.Array(Type.String()),
  currencies: Type.Array(Type.String()),
  metadata_version: Type.String(),
});

export type PhoneResult = Static<typeof PhoneResultSchema>;
