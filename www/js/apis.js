// The two APIs as the page shows them: their fields (names exactly as the APIs take them),
// which library rule shows a normalized value beside each. Header names are matched to fields
// by the library (autoMap).

import { loadContactkit, contactkit } from './wasm.js';

/**
 * kind: how the form renders and previews the field
 *   text | textarea | phone | email | country | linkedin | locale | timezone | json | additionalData
 */
export const APIS = {
  contactship: {
    label: 'Contactship',
    endpoint: 'POST /v1/contacts',
    builder: 'buildContactshipContact',
    target: 'contactship',
    keyEnv: 'CONTACTSHIP_API_KEY',
    fields: [
      { name: 'phone_number', kind: 'phone', required: true, type: 'tel', autocomplete: 'tel' },
      { name: 'full_name', kind: 'text', required: true, autocomplete: 'name' },
      { name: 'country', kind: 'country', autocomplete: 'off' },
      { name: 'email', kind: 'email', type: 'email', autocomplete: 'email' },
      { name: 'description', kind: 'textarea' },
      { name: 'additional_data', kind: 'additionalData' },
    ],
    /** Where unmapped CSV columns go when the user asks for it. */
    extras: 'additional_data',
  },
  sdr_agent: {
    label: 'SDR Agent',
    endpoint: 'POST /contacts/',
    builder: 'buildSdrAgentContact',
    target: 'sdr_agent',
    keyEnv: 'SDR_AGENT_API_KEY',
    tokenEnv: 'SDR_AGENT_TOKEN',
    fields: [
      { name: 'full_name', kind: 'text', required: true, autocomplete: 'name' },
      { name: 'email', kind: 'email', required: true, type: 'email', autocomplete: 'email' },
      { name: 'linkedin_profile', kind: 'linkedin', required: true, type: 'url', autocomplete: 'url' },
      { name: 'company', kind: 'text', autocomplete: 'organization' },
      { name: 'locale', kind: 'locale', autocomplete: 'off' },
      { name: 'timezone', kind: 'timezone', autocomplete: 'off' },
      { name: 'metadata', kind: 'json' },
    ],
    extras: 'metadata',
  },
};

/** The fields a CSV column can fill (the structured ones are built from extra columns). */
export function csvFields(api) {
  return APIS[api].fields.filter((f) => f.kind !== 'additionalData' && f.kind !== 'json');
}

/**
 * `{ field: [column, …] }` for every field whose header is recognized: the library's
 * `matchColumns` (src/columns.rs), the matching the `contactkit` command does (a full name may
 * be a given-name and a family-name column), once the package is loaded.
 */
export async function autoMap(api, headers) {
  await loadContactkit();
  const found = contactkit.matchColumns(APIS[api].target, headers);
  return found.ok ? { ...found.columns } : {};
}
