// contactkit/schema: Standard Schema v1 validators over contactkit's rules.
import type {
  ErrorCode, FieldOptions, PhoneOptions, ContactshipOptions, SdrAgentOptions, ContactshipContact,
  SdrAgentContact,
} from "./contactkit.js";

/** The Standard Schema v1 interface (https://standardschema.dev), as `@standard-schema/spec` declares it. */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly "~standard": {
    readonly version: 1;
    readonly vendor: "contactkit";
    readonly validate: (value: unknown) => StandardResult<Output>;
    readonly types?: { readonly input: Input; readonly output: Output } | undefined;
  };
}

/** An issue: the Standard Schema fields, with contactkit's code and params. */
export interface ContactkitIssue {
  readonly message: string;
  /** The field's key path in a contact (`["additional_data", 0, "value"]`); none for a field schema. */
  readonly path?: ReadonlyArray<string | number>;
  readonly code: ErrorCode;
  readonly params: Record<string, string | number>;
}

export type StandardResult<Output> =
  | { readonly value: Output; readonly issues?: undefined }
  | { readonly issues: ReadonlyArray<ContactkitIssue> };

/** The phone rule: E.164 out; the issue `phone_incomplete` for a start that more digits may complete (`+3`, too short so far). */
export function phoneSchema(options?: PhoneOptions | null): StandardSchemaV1<string, string>;
export function emailSchema(options?: FieldOptions | null): StandardSchemaV1<string, string>;
export function linkedinSchema(options?: FieldOptions | null): StandardSchemaV1<string, string>;
export function localeSchema(options?: FieldOptions | null): StandardSchemaV1<string, string>;
export function timezoneSchema(options?: FieldOptions | null): StandardSchemaV1<string, string>;
export function countrySchema(options?: FieldOptions | null): StandardSchemaV1<string, string>;
/** A whole Contactship contact; the normalized contact (the request's body) out. */
export function contactshipContactSchema(options?: ContactshipOptions | null): StandardSchemaV1<ContactshipContact, ContactshipContact>;
/** A whole SDR Agent contact; the normalized contact (the request's body) out. */
export function sdrAgentContactSchema(options?: SdrAgentOptions | null): StandardSchemaV1<SdrAgentContact, SdrAgentContact>;
