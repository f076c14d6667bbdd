// Compiled by tests/node/types.test.mjs (tsconfig.json): matchColumns narrows without casts
// and rejects an unknown target.
import { matchColumns, type ColumnField, type ColumnMatchResult, type ErrorCode } from "../../pkg/contactkit.js";

export function columnsUsage(headers: string[]): string[] {
  const out: string[] = [];
  const found: ColumnMatchResult = matchColumns("sdr_agent", headers, { lang: "es" });
  if (found.ok) {
    const email: number[] | undefined = found.columns.email;
    const field: ColumnField = "linkedin_profile";
    const extras: "additional_data" | "metadata" = found.extrasField;
    const name: number[] = found.columns.full_name ?? [];
    out.push(String(email), String(found.columns[field]), extras, found.unmatched.join(","), name.join("+"));
  } else {
    const code: ErrorCode = found.error.code;
    out.push(code, found.error.message);
  }
  // @ts-expect-error: the targets are "contactship" and "sdr_agent"
  matchColumns("hubspot", headers);
  // @ts-expect-error: the headers are strings
  matchColumns("contactship", [1, 2]);
  return out;
}
