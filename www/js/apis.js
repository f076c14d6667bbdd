// The two APIs as the page shows them: their fields (names exactly as the APIs take them),
// which library rule shows a normalized value beside each, and header names a CSV may use.

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

/** Header spellings matched to each field, after `headerKey` (lower case, ASCII, `_`). */
const SYNONYMS = {
  phone_number: ['phone_number', 'phone', 'phonenumber', 'telephone', 'tel', 'mobile', 'cell',
    'cellphone', 'mobile_phone', 'telefono', 'movil', 'celular', 'numero', 'whatsapp'],
  full_name: ['full_name', 'fullname', 'name', 'contact_name', 'contact', 'nombre',
    'nombre_completo', 'nome'],
  country: ['country', 'country_code', 'pais', 'nation'],
  email: ['email', 'e_mail', 'mail', 'email_address', 'correo', 'correo_electronico'],
  description: ['description', 'notes', 'note', 'comments', 'descripcion', 'notas'],
  linkedin_profile: ['linkedin_profile', 'linkedin', 'linkedin_url', 'linkedin_profile_url',
    'profile_url', 'perfil_linkedin', 'perfil_de_linkedin'],
  company: ['company', 'company_name', 'organization', 'organisation', 'empresa', 'compania'],
  locale: ['locale', 'language', 'lang', 'idioma'],
  timezone: ['timezone', 'time_zone', 'tz', 'zona_horaria'],
};

/** A header reduced for matching: `" Correo Electrónico "` → `correo_electronico`. */
export function headerKey(h) {
  return String(h ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** `{ field: columnIndex }` for every field whose header is recognized. */
export function autoMap(api, headers) {
  const keys = headers.map(headerKey);
  const mapping = {};
  const taken = new Set();
  for (const f of csvFields(api)) {
    const names = SYNONYMS[f.name] ?? [f.name];
    // Exact spellings first, in the order listed, so `phone_number` beats `phone`.
    for (const n of names) {
      const i = keys.findIndex((k, idx) => k === n && !taken.has(idx));
      if (i >= 0) {
        mapping[f.name] = i;
        taken.add(i);
        break;
      }
    }
  }
  return mapping;
}
