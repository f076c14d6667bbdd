// The page's own wording in English and Spanish, and what puts it on the page again when the
// language changes. Validation messages do not live here: they come from the library (`message`
// of each error, or `errorMessages(lang)` templates).

const STRINGS = {
  en: {
    title: 'contactkit demo',
    tagline: 'Check contacts as you type, see exactly what would be sent, and vet a whole CSV before any row reaches the API.',
    api: 'API',
    language: 'Language',
    tabForm: 'Contact form',
    tabImport: 'CSV import',
    loading: 'Loading the validator…',
    loadFailed: 'The validator could not be loaded: {error}',
    ready: 'Validator ready.',
    required: 'required',
    optional: 'optional',
    // Fields.
    phone_number: 'Phone number',
    full_name: 'Full name',
    country: 'Country',
    email: 'Email',
    description: 'Description',
    additional_data: 'Additional data',
    linkedin_profile: 'LinkedIn profile',
    company: 'Company',
    locale: 'Locale',
    timezone: 'Timezone',
    metadata: 'Metadata (JSON object)',
    hint_phone_number: 'Pick the country, or type the number with + and its country code; it is formatted as you type.',
    phoneCountry: 'Country of the phone number',
    international: 'International',
    phonePlaceholderIntl: '+ country code and number',
    hint_phone_number_sdr: '',
    hint_country: 'Pick or type a country; it is also the country of the phone number.',
    hint_email: '',
    hint_linkedin_profile: 'Paste the link as you have it; it is sent in canonical form.',
    hint_locale: 'BCP 47, e.g. en-US, es-ES.',
    hint_timezone: 'IANA name, e.g. America/New_York, Europe/Madrid.',
    hint_metadata: 'Any JSON object; it is sent unchanged.',
    invalidJson: 'This is not valid JSON ({error}).',
    hint_description: '',
    adType: 'Type',
    adField: 'Field',
    adValue: 'Value',
    adAdd: 'Add a data field',
    adRemove: 'Remove data field {n}',
    adItem: 'Data field {n}',
    adTypes: { text: 'text', date: 'date', number: 'number', location: 'location' },
    credentials: 'Sending',
    apiKey: 'API key',
    apiKeyHint: 'Optional. Left empty, the cURL command reads it from {env}.',
    authMethod: 'Authenticate with',
    authApiKey: 'API key (X-API-Key)',
    authBearer: 'Bearer token (Authorization)',
    bearerToken: 'Bearer token',
    importId: 'Import ID (X-Import-ID)',
    importIdHint: 'UUID of the import this contact belongs to.',
    generate: 'Generate',
    check: 'Check contact',
    clear: 'Clear',
    suggestion: 'Did you mean {value}?',
    useSuggestion: 'Use {value}',
    preview: 'Request preview',
    previewBlocked: 'Fix {count} problem(s) to get the request:',
    previewEmpty: 'Fill in the form to see the request.',
    body: 'JSON body',
    curl: 'cURL',
    copy: 'Copy',
    copied: 'Copied to the clipboard.',
    copyFailed: 'Copy failed: select the text and copy it by hand.',
    formOk: 'The contact is valid and ready to send.',
    formProblems: '{count} problem(s) in the form.',
    jumpTo: 'Go to {field}',
    contactLevel: 'Contact',
    // Normalized-value details.
    nType: {
      fixed_line: 'fixed line', mobile: 'mobile', fixed_line_or_mobile: 'fixed line or mobile',
      toll_free: 'toll-free', premium_rate: 'premium rate', shared_cost: 'shared cost', voip: 'VoIP',
      personal_number: 'personal number', pager: 'pager', uan: 'UAN', voicemail: 'voicemail', unknown: 'unknown type',
    },
    // Import.
    importIntro: 'Rows are validated in a background worker with the same rules as the form; nothing is sent anywhere.',
    dropzone: 'Drop a CSV file here, or choose one',
    chooseFile: 'Choose a CSV file',
    fileInfo: '{name} — {size}, columns: {columns}',
    parseFailed: 'The file could not be read: {error}',
    noHeader: 'The file has no header row.',
    mapping: 'Columns',
    mappingHint: 'Each API field reads the column chosen here (matched by header name; change any of them).',
    notMapped: '— not mapped —',
    combineColumn: 'Combine with another column',
    combinedColumn: '{field}, column {n}',
    removeColumn: 'Remove column {n}',
    sample: 'First row',
    extras: 'Send the other columns as {target}',
    extrasContactship: 'additional_data (text)',
    extrasSdr: 'metadata',
    defaultCountry: 'Default country for phone numbers',
    defaultCountryHint: 'Used for national numbers when a row has no country.',
    none: '— none —',
    validate: 'Validate all rows',
    cancel: 'Cancel',
    cancelled: 'Validation cancelled.',
    progress: 'Validation progress',
    progressText: '{rows} rows validated ({percent}%)',
    summary: 'Summary',
    rows: 'Rows',
    valid: 'Valid',
    invalid: 'Invalid',
    duplicates: 'Duplicates',
    took: 'Validated {rows} rows in {seconds} s.',
    problems: 'Problems',
    byCode: 'Problems by code',
    allProblems: 'Show every problem',
    count: 'Count',
    fields: 'Fields',
    example: 'For example',
    noProblems: 'No problems: every row is ready to send.',
    problemsRange: 'Problems {from}–{to} of {total}',
    problemsRangeCode: 'Problems {from}–{to} of {total} with code {code}',
    warnings: 'Warnings',
    warningsHint: 'Worth a look, but the row is valid and its request is sent as it is: a likely typo in an email, a value read through another spelling.',
    warningsByCode: 'Warnings by code',
    allWarnings: 'Show every warning',
    noWarnings: 'No warnings.',
    warningsRange: 'Warnings {from}–{to} of {total}',
    warningsRangeCode: 'Warnings {from}–{to} of {total} with code {code}',
    row: 'Row',
    field: 'Field',
    code: 'Code',
    message: 'Message',
    prev: 'Previous',
    next: 'Next',
    rowHint: 'Row numbers count the header as row 1, as a spreadsheet shows them.',
    downloadNdjson: 'Download valid requests (NDJSON)',
    downloadCsv: 'Download problems and warnings (CSV)',
    ndjsonHint: 'One request per line: {"method","url","headers","body"}, body being the exact JSON text to send.',
    done: 'Done: {valid} valid, {invalid} invalid, {duplicates} duplicates, {warnings} warnings.',
  },
  es: {
    title: 'Demo de contactkit',
    tagline: 'Revisa los contactos mientras escribes, mira exactamente qué se enviaría y comprueba un CSV entero antes de que una sola fila llegue a la API.',
    api: 'API',
    language: 'Idioma',
    tabForm: 'Formulario de contacto',
    tabImport: 'Importar CSV',
    loading: 'Cargando el validador…',
    loadFailed: 'No se pudo cargar el validador: {error}',
    ready: 'Validador listo.',
    required: 'obligatorio',
    optional: 'opcional',
    phone_number: 'Teléfono',
    full_name: 'Nombre completo',
    country: 'País',
    email: 'Correo electrónico',
    description: 'Descripción',
    additional_data: 'Datos adicionales',
    linkedin_profile: 'Perfil de LinkedIn',
    company: 'Empresa',
    locale: 'Configuración regional',
    timezone: 'Zona horaria',
    metadata: 'Metadatos (objeto JSON)',
    hint_phone_number: 'Elige el país, o escribe el número con + y su prefijo internacional; se formatea mientras escribes.',
    phoneCountry: 'País del número de teléfono',
    international: 'Internacional',
    phonePlaceholderIntl: '+ prefijo del país y número',
    hint_phone_number_sdr: '',
    hint_country: 'Elige o escribe un país; también es el país del teléfono.',
    hint_email: '',
    hint_linkedin_profile: 'Pega el enlace tal como lo tengas; se envía en forma canónica.',
    hint_locale: 'BCP 47, p. ej. es-ES, en-US.',
    hint_timezone: 'Nombre IANA, p. ej. Europe/Madrid, America/Mexico_City.',
    hint_metadata: 'Cualquier objeto JSON; se envía sin cambios.',
    invalidJson: 'Esto no es JSON válido ({error}).',
    hint_description: '',
    adType: 'Tipo',
    adField: 'Campo',
    adValue: 'Valor',
    adAdd: 'Añadir un dato',
    adRemove: 'Quitar el dato {n}',
    adItem: 'Dato {n}',
    adTypes: { text: 'texto', date: 'fecha', number: 'número', location: 'ubicación' },
    credentials: 'Envío',
    apiKey: 'Clave de API',
    apiKeyHint: 'Opcional. Si la dejas vacía, el comando cURL la lee de {env}.',
    authMethod: 'Autenticación',
    authApiKey: 'Clave de API (X-API-Key)',
    authBearer: 'Token Bearer (Authorization)',
    bearerToken: 'Token Bearer',
    importId: 'ID de importación (X-Import-ID)',
    importIdHint: 'UUID de la importación a la que pertenece el contacto.',
    generate: 'Generar',
    check: 'Comprobar contacto',
    clear: 'Vaciar',
    suggestion: '¿Quisiste decir {value}?',
    useSuggestion: 'Usar {value}',
    preview: 'Vista previa de la petición',
    previewBlocked: 'Corrige {count} problema(s) para obtener la petición:',
    previewEmpty: 'Rellena el formulario para ver la petición.',
    body: 'Cuerpo JSON',
    curl: 'cURL',
    copy: 'Copiar',
    copied: 'Copiado al portapapeles.',
    copyFailed: 'No se pudo copiar: selecciona el texto y cópialo a mano.',
    formOk: 'El contacto es válido y está listo para enviarse.',
    formProblems: '{count} problema(s) en el formulario.',
    jumpTo: 'Ir a {field}',
    contactLevel: 'Contacto',
    nType: {
      fixed_line: 'fijo', mobile: 'móvil', fixed_line_or_mobile: 'fijo o móvil',
      toll_free: 'gratuito', premium_rate: 'tarificación especial', shared_cost: 'coste compartido', voip: 'VoIP',
      personal_number: 'número personal', pager: 'buscapersonas', uan: 'UAN', voicemail: 'buzón de voz', unknown: 'tipo desconocido',
    },
    importIntro: 'Las filas se validan en un worker en segundo plano con las mismas reglas que el formulario; no se envía nada.',
    dropzone: 'Suelta aquí un archivo CSV, o elige uno',
    chooseFile: 'Elegir un archivo CSV',
    fileInfo: '{name} — {size}, columnas: {columns}',
    parseFailed: 'No se pudo leer el archivo: {error}',
    noHeader: 'El archivo no tiene fila de encabezado.',
    mapping: 'Columnas',
    mappingHint: 'Cada campo de la API lee la columna elegida aquí (emparejada por el encabezado; puedes cambiarla).',
    notMapped: '— sin asignar —',
    combineColumn: 'Combinar con otra columna',
    combinedColumn: '{field}, columna {n}',
    removeColumn: 'Quitar la columna {n}',
    sample: 'Primera fila',
    extras: 'Enviar las demás columnas como {target}',
    extrasContactship: 'additional_data (texto)',
    extrasSdr: 'metadata',
    defaultCountry: 'País por defecto de los teléfonos',
    defaultCountryHint: 'Se usa para números nacionales cuando la fila no tiene país.',
    none: '— ninguno —',
    validate: 'Validar todas las filas',
    cancel: 'Cancelar',
    cancelled: 'Validación cancelada.',
    progress: 'Progreso de la validación',
    progressText: '{rows} filas validadas ({percent} %)',
    summary: 'Resumen',
    rows: 'Filas',
    valid: 'Válidas',
    invalid: 'No válidas',
    duplicates: 'Duplicadas',
    took: '{rows} filas validadas en {seconds} s.',
    problems: 'Problemas',
    byCode: 'Problemas por código',
    allProblems: 'Ver todos los problemas',
    count: 'Cantidad',
    fields: 'Campos',
    example: 'Por ejemplo',
    noProblems: 'Ningún problema: todas las filas están listas para enviarse.',
    problemsRange: 'Problemas {from}–{to} de {total}',
    problemsRangeCode: 'Problemas {from}–{to} de {total} con el código {code}',
    warnings: 'Avisos',
    warningsHint: 'Conviene revisarlos, pero la fila es válida y su petición se envía tal cual: una probable errata en un correo, un valor leído con otra grafía.',
    warningsByCode: 'Avisos por código',
    allWarnings: 'Ver todos los avisos',
    noWarnings: 'Ningún aviso.',
    warningsRange: 'Avisos {from}–{to} de {total}',
    warningsRangeCode: 'Avisos {from}–{to} de {total} con el código {code}',
    row: 'Fila',
    field: 'Campo',
    code: 'Código',
    message: 'Mensaje',
    prev: 'Anterior',
    next: 'Siguiente',
    rowHint: 'Los números de fila cuentan el encabezado como fila 1, como en una hoja de cálculo.',
    downloadNdjson: 'Descargar peticiones válidas (NDJSON)',
    downloadCsv: 'Descargar problemas y avisos (CSV)',
    ndjsonHint: 'Una petición por línea: {"method","url","headers","body"}, donde body es el texto JSON exacto a enviar.',
    done: 'Listo: {valid} válidas, {invalid} no válidas, {duplicates} duplicadas, {warnings} avisos.',
  },
};

let current = 'en';

/** The current UI language, `"en"` or `"es"`. */
export function lang() {
  return current;
}

export function setLang(l) {
  current = l === 'es' ? 'es' : 'en';
  document.documentElement.lang = current;
}

/** Fills `{name}` placeholders of a template from `params`; unknown names stay as written. */
export function fill(template, params = {}) {
  return String(template).replace(/\{(\w+)\}/g, (m, k) =>
    Object.prototype.hasOwnProperty.call(params, k) ? String(params[k]) : m,
  );
}

/** The UI string `key` in the current language, with `{placeholders}` filled. */
export function t(key, params) {
  const v = STRINGS[current][key] ?? STRINGS.en[key] ?? key;
  return typeof v === 'string' ? fill(v, params) : v;
}

/** The page's strings in `l` (for the tests: no English left after a switch to Spanish). */
export function strings(l) {
  return STRINGS[l] ?? STRINGS.en;
}

/** Texts made from data (counts, file names, messages): element → how to write it again. */
const renderers = new WeakMap();

/**
 * Sets `el`'s text to `render()`, and again whenever the language changes: for texts that are
 * not rebuilt by their part of the page on a switch.
 */
export function bindText(el, render) {
  renderers.set(el, render);
  el.dataset.i18nLive = '';
  el.textContent = render();
}

/** Clears `el` and forgets how it was written. */
export function unbindText(el) {
  renderers.delete(el);
  delete el.dataset.i18nLive;
  el.textContent = '';
}

/**
 * Applies the current language to the document's title, to every element with `data-i18n`
 * (text) or `data-i18n-attr`, and to the texts given to `bindText`.
 */
export function translatePage(root = document) {
  if (root === document) document.title = t('title');
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-live]')) {
    const render = renderers.get(el);
    if (render) el.textContent = render();
  }
  for (const el of root.querySelectorAll('[data-i18n-attr]')) {
    // data-i18n-attr="aria-label:key;placeholder:key2"
    for (const pair of el.dataset.i18nAttr.split(';')) {
      const [attr, key] = pair.split(':');
      if (attr && key) el.setAttribute(attr.trim(), t(key.trim()));
    }
  }
}

/** Formats an integer with the current language's grouping. */
export function num(n) {
  return new Intl.NumberFormat(current === 'es' ? 'es-ES' : 'en-US').format(n);
}
