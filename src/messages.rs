//! The message table: one English and one Spanish template per [`ErrorCode`].
//!
//! Templates name their parameters in braces (`{max}`); [`render`] fills them from the error's
//! params. A UI that wants other wording keys its own table by `code` and uses `params`.

use crate::error::{ErrorCode, Params};
use crate::lang::Lang;

use ErrorCode::*;

/// Every code with its stable name and its English and Spanish templates.
#[rustfmt::skip]
pub const TABLE: &[(ErrorCode, &str, &str, &str)] = &[
    (Empty, "empty",
     "This field is empty.",
     "Este campo está vacío."),
    (WrongType, "wrong_type",
     "Expected text, got {got}.",
     "Se esperaba texto y se recibió {got}."),
    (InputTooLong, "input_too_long",
     "This value is {length} bytes long; the most this field reads is {max}.",
     "Este valor mide {length} bytes; este campo admite como máximo {max}."),
    (InvalidOption, "invalid_option",
     "Option \"{option}\" is not valid: {reason}.",
     "La opción \"{option}\" no es válida: {reason}."),

    (PhoneNotANumber, "phone_not_a_number",
     "This does not look like a phone number.",
     "Esto no parece un número de teléfono."),
    (PhoneInvalidCountryCode, "phone_invalid_country_code",
     "The country calling code is not valid.",
     "El código de país no es válido."),
    (PhoneMissingCountry, "phone_missing_country",
     "Add the country code (for example +1) or choose a country.",
     "Añade el código de país (por ejemplo +52) o elige un país."),
    (PhoneTooShort, "phone_too_short",
     "This phone number is too short.",
     "Este número de teléfono es demasiado corto."),
    (PhoneTooLong, "phone_too_long",
     "This phone number is too long.",
     "Este número de teléfono es demasiado largo."),
    (PhoneInvalid, "phone_invalid",
     "This is not a valid phone number for {region}.",
     "Este no es un número de teléfono válido para {region}."),
    (PhoneIncomplete, "phone_incomplete",
     "Keep typing the phone number.",
     "Sigue escribiendo el número de teléfono."),

    (EmailMissingAt, "email_missing_at",
     "An email address needs a name, an @ and a domain (name@example.com).",
     "Un correo electrónico necesita un nombre, una @ y un dominio (nombre@ejemplo.com)."),
    (EmailInvalidLocalPart, "email_invalid_local_part",
     "The part before the @ has characters or dots an email address cannot have.",
     "La parte antes de la @ tiene caracteres o puntos que un correo no puede tener."),
    (EmailLocalPartTooLong, "email_local_part_too_long",
     "The part before the @ is {length} bytes long; the limit is {max}.",
     "La parte antes de la @ mide {length} bytes; el límite es {max}."),
    (EmailTooLong, "email_too_long",
     "This email address is {length} bytes long; the limit is {max}.",
     "Este correo mide {length} bytes; el límite es {max}."),
    (EmailInvalidDomain, "email_invalid_domain",
     "The domain \"{domain}\" is not valid.",
     "El dominio \"{domain}\" no es válido."),
    (EmailDomainWithoutDot, "email_domain_without_dot",
     "The domain \"{domain}\" needs a dot (for example example.com).",
     "El dominio \"{domain}\" necesita un punto (por ejemplo ejemplo.com)."),
    (EmailDisplayName, "email_display_name",
     "Enter only the email address, without a name or angle brackets.",
     "Escribe solo la dirección de correo, sin nombre ni corchetes angulares."),
    (EmailComment, "email_comment",
     "Remove the comment in parentheses from the email address.",
     "Quita el comentario entre paréntesis del correo."),
    (EmailQuotedLocalPart, "email_quoted_local_part",
     "Email addresses with quotes are not accepted.",
     "No se aceptan correos con comillas."),
    (EmailIpLiteral, "email_ip_literal",
     "Use a domain name, not an IP address, after the @.",
     "Usa un nombre de dominio, no una dirección IP, después de la @."),
    (EmailReservedDomain, "email_reserved_domain",
     "The domain \"{domain}\" is reserved (.{reserved}) and cannot receive email.",
     "El dominio \"{domain}\" está reservado (.{reserved}) y no puede recibir correo."),
    (EmailUnicodeLocalPart, "email_unicode_local_part",
     "The part before the @ has letters outside the basic Latin alphabet, which many mail servers do not accept.",
     "La parte antes de la @ tiene letras fuera del alfabeto latino básico, que muchos servidores de correo no aceptan."),

    (LinkedinInvalidUrl, "linkedin_invalid_url",
     "This is not a valid link.",
     "Este no es un enlace válido."),
    (LinkedinNotLinkedin, "linkedin_not_linkedin",
     "This is a link to {host}, not to LinkedIn.",
     "Este es un enlace a {host}, no a LinkedIn."),
    (LinkedinNotProfile, "linkedin_not_profile",
     "This LinkedIn link is not a profile, company or school page.",
     "Este enlace de LinkedIn no es de un perfil, una empresa o una institución educativa."),
    (LinkedinMissingHandle, "linkedin_missing_handle",
     "This LinkedIn link does not say whose page it is.",
     "Este enlace de LinkedIn no indica de quién es la página."),
    (LinkedinInvalidHandle, "linkedin_invalid_handle",
     "\"{handle}\" is not a valid LinkedIn name.",
     "\"{handle}\" no es un nombre de LinkedIn válido."),

    (LocaleMalformed, "locale_malformed",
     "This is not a language tag (for example en-US or es-ES).",
     "Esta no es una etiqueta de idioma (por ejemplo en-US o es-ES)."),
    (LocaleUnknownLanguage, "locale_unknown_language",
     "\"{language}\" is not a known language.",
     "\"{language}\" no es un idioma conocido."),
    (LocaleUnknownScript, "locale_unknown_script",
     "\"{script}\" is not a known writing system.",
     "\"{script}\" no es un sistema de escritura conocido."),
    (LocaleUnknownRegion, "locale_unknown_region",
     "\"{region}\" is not a known region.",
     "\"{region}\" no es una región conocida."),

    (TimezoneUnknown, "timezone_unknown",
     "This is not a timezone (for example America/New_York or Europe/Madrid).",
     "Esta no es una zona horaria (por ejemplo America/Mexico_City o Europe/Madrid)."),

    (CountryUnknown, "country_unknown",
     "This is not a known country.",
     "Este no es un país conocido."),
    (CountryAmbiguous, "country_ambiguous",
     "This name fits more than one country ({candidates}); please be more specific.",
     "Este nombre corresponde a más de un país ({candidates}); por favor, sé más específico."),

    (Required, "required",
     "This field is required.",
     "Este campo es obligatorio."),
    (UnknownField, "unknown_field",
     "\"{field}\" is not a field this API takes.",
     "\"{field}\" no es un campo que acepte esta API."),
    (NotAnObject, "not_an_object",
     "Expected an object with the contact's fields, got {got}.",
     "Se esperaba un objeto con los campos del contacto y se recibió {got}."),
    (TypeMismatch, "type_mismatch",
     "Expected {expected}, got {got}.",
     "Se esperaba {expected} y se recibió {got}."),
    (TooLong, "too_long",
     "This text is {length} characters long; the limit is {max}.",
     "Este texto mide {length} caracteres; el límite es {max}."),
    (AdditionalDataInvalidType, "additional_data_invalid_type",
     "The type must be one of: {allowed}.",
     "El tipo debe ser uno de: {allowed}."),
    (AdditionalDataInvalidDate, "additional_data_invalid_date",
     "A date must be written as YYYY-MM-DD (ISO 8601).",
     "Una fecha debe escribirse como AAAA-MM-DD (ISO 8601)."),
    (AdditionalDataInvalidNumber, "additional_data_invalid_number",
     "This is not a number.",
     "Esto no es un número."),
    (TooManyItems, "too_many_items",
     "There are more than {max} items.",
     "Hay más de {max} elementos."),
    (NestingTooDeep, "nesting_too_deep",
     "This value is nested more than {max} levels deep.",
     "Este valor está anidado a más de {max} niveles."),
    (InvalidUuid, "invalid_uuid",
     "\"{field}\" must be a UUID (for example 7c9e6679-7425-40de-944b-e07fc1f90ae7).",
     "\"{field}\" debe ser un UUID (por ejemplo 7c9e6679-7425-40de-944b-e07fc1f90ae7)."),
    (InvalidBaseUrl, "invalid_base_url",
     "The base URL must be an absolute https URL (http only to localhost), without spaces, control characters or backslashes.",
     "La URL base debe ser una URL https absoluta (http solo a localhost), sin espacios, caracteres de control ni barras invertidas."),
    (InvalidCredentials, "invalid_credentials",
     "The API key or token is empty, longer than {max} characters, or has characters a header cannot carry.",
     "La clave de API o el token está vacío, tiene más de {max} caracteres o tiene caracteres que una cabecera no admite."),
    (Duplicate, "duplicate",
     "Row {first_row_number} already has {key}; the API would reject this one as a duplicate.",
     "La fila {first_row_number} ya tiene {key}; la API rechazaría esta como duplicada."),
    (InvalidCount, "invalid_count",
     "This must be a whole number of at least 0.",
     "Debe ser un número entero mayor o igual que 0."),
    (UnknownTarget, "unknown_target",
     "\"{target}\" is not a known API (contactship or sdr_agent).",
     "\"{target}\" no es una API conocida (contactship o sdr_agent)."),
    (LinkedinNotPerson, "linkedin_not_person",
     "This LinkedIn link is a company or school page; give the person's profile (linkedin.com/in/…).",
     "Este enlace de LinkedIn es de una empresa o institución educativa; indica el perfil de la persona (linkedin.com/in/…)."),
    (InvalidUnicode, "invalid_unicode",
     "This text has a broken character (half of an emoji or other symbol) and cannot be sent.",
     "Este texto tiene un carácter roto (la mitad de un emoji u otro símbolo) y no se puede enviar."),
    (TooManyRows, "too_many_rows",
     "This call has {rows} rows; one call takes at most {max}. Validate them in chunks with BatchValidator.",
     "Esta llamada tiene {rows} filas; una llamada admite como máximo {max}. Valídalas por partes con BatchValidator."),
    (BatchTooLarge, "batch_too_large",
     "These rows are more than {max} bytes of JSON, the most one call takes. Validate them in smaller chunks with BatchValidator.",
     "Estas filas ocupan más de {max} bytes de JSON, lo máximo que admite una llamada. Valídalas en partes más pequeñas con BatchValidator."),
    (MoreUnknownFields, "more_unknown_fields",
     "{count} more fields that are not taken here are not listed.",
     "No se listan otros {count} campos que no se admiten aquí."),
    (NotInitialized, "not_initialized",
     "The validator is still loading; try again in a moment.",
     "El validador todavía se está cargando; inténtalo de nuevo en un momento."),
    (InternalError, "internal_error",
     "Something went wrong inside the validator. This is a bug in contactkit; please report it.",
     "Algo falló dentro del validador. Es un error de contactkit; por favor, infórmalo."),
];

fn entry(code: ErrorCode) -> &'static (ErrorCode, &'static str, &'static str, &'static str) {
    // The table lists the codes in declaration order, so the discriminant is the index; the
    // unit test `table_is_in_declaration_order` keeps it so.
    &TABLE[code as usize]
}

/// The stable snake_case name of `code`.
pub fn code_name(code: ErrorCode) -> &'static str {
    entry(code).1
}

/// The message template of `code` in `lang`, with `{param}` placeholders.
pub fn template(code: ErrorCode, lang: Lang) -> &'static str {
    let e = entry(code);
    match lang {
        Lang::En => e.2,
        Lang::Es => e.3,
    }
}

/// Where each template's first `{` is (English, Spanish), found at compile time; `u16::MAX`
/// for a template without placeholders, whose message is the template as it is.
const FIRST_PLACEHOLDER: [[u16; 2]; TABLE.len()] = {
    const fn first_brace(text: &str) -> u16 {
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'{' {
                return i as u16;
            }
            i += 1;
        }
        u16::MAX
    }
    let mut out = [[u16::MAX; 2]; TABLE.len()];
    let mut i = 0;
    while i < TABLE.len() {
        out[i] = [first_brace(TABLE[i].2), first_brace(TABLE[i].3)];
        i += 1;
    }
    out
};

/// Renders the message of `code` in `lang`, filling placeholders from `params`.
/// A placeholder with no parameter is left as written, so nothing is dropped silently.
pub fn render(code: ErrorCode, params: &Params, lang: Lang) -> String {
    let tpl = template(code, lang);
    let first = FIRST_PLACEHOLDER[code as usize][lang as usize] as usize;
    match tpl.get(..first) {
        Some(before) => fill(tpl, before, params),
        None => tpl.to_string(),
    }
}

/// [`render`] of a template with placeholders, the first after `before`. Out of line: a page's
/// first error, when its message has none, compiles none of this.
#[inline(never)]
fn fill(tpl: &str, before: &str, params: &Params) -> String {
    let mut out = String::with_capacity(tpl.len() + 16);
    out.push_str(before);
    let mut rest = tpl.get(before.len()..).unwrap_or_default();
    // Scanned as bytes: `{` and `}` are ASCII, so each cut falls between characters.
    while let Some(open) = rest.bytes().position(|b| b == b'{') {
        let (text, from_open) = rest.split_at(open);
        out.push_str(text);
        let Some(close) = from_open.bytes().position(|b| b == b'}') else {
            rest = from_open;
            break;
        };
        let (placeholder, after) = from_open.split_at(close + 1);
        match params.get(placeholder.get(1..close).unwrap_or_default()) {
            Some(serde_json::Value::String(s)) => out.push_str(s),
            Some(v) => match v.as_u64() {
                // A row, a limit, a length: written in place, as serde_json writes it (itoa).
                Some(n) => out.push_str(itoa::Buffer::new().format(n)),
                // Compact JSON, as `Display` writes it without `{:#}`; through the serializer
                // the results already use, not `Display`'s own instances.
                None => out.push_str(&serde_json::to_string(v).unwrap_or_default()),
            },
            None => out.push_str(placeholder),
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_in_declaration_order() {
        for (i, (code, name, _, _)) in TABLE.iter().enumerate() {
            assert_eq!(*code as usize, i, "{name} is out of order");
            let serialized = serde_json::to_value(code).unwrap();
            assert_eq!(serialized, serde_json::Value::from(*name));
        }
    }

    #[test]
    fn every_template_parameter_is_documented_in_both_languages() {
        fn names(t: &str) -> Vec<&str> {
            let mut v: Vec<&str> = t
                .split('{')
                .skip(1)
                .filter_map(|s| s.split_once('}').map(|(n, _)| n))
                .collect();
            v.sort_unstable();
            v
        }
        for (_, name, en, es) in TABLE {
            assert_eq!(
                names(en),
                names(es),
                "{name}: en and es use different params"
            );
        }
    }

    #[test]
    fn every_template_without_params_renders_as_itself() {
        for (code, _, en, es) in TABLE {
            assert_eq!(render(*code, &Params::new(), Lang::En), *en);
            assert_eq!(render(*code, &Params::new(), Lang::Es), *es);
        }
        let p = crate::params! {"region" => "ES", "first_row" => 2, "first_row_number" => 3, "key" => "k"};
        assert_eq!(
            render(ErrorCode::Duplicate, &p, Lang::En),
            "Row 3 already has k; the API would reject this one as a duplicate."
        );
    }

    #[test]
    fn render_fills_params_and_keeps_missing_ones() {
        let p = crate::params! {"max" => 64, "length" => 70};
        assert_eq!(
            render(EmailLocalPartTooLong, &p, Lang::Es),
            "La parte antes de la @ mide 70 bytes; el límite es 64."
        );
        let msg = render(PhoneInvalid, &Params::new(), Lang::En);
        assert_eq!(msg, "This is not a valid phone number for {region}.");
    }

    #[test]
    fn fill_writes_each_kind_of_value_and_keeps_what_is_not_a_placeholder() {
        let p = crate::params! {
            "row" => 12_345_678_901_u64,
            "neg" => -3,
            "x" => 1.5,
            "list" => serde_json::json!([8, 10]),
            "s" => "ñ",
        };
        let f = |tpl: &str| fill(tpl, tpl.get(..tpl.find('{').unwrap()).unwrap(), &p);
        assert_eq!(f("á{row}é"), "á12345678901é");
        assert_eq!(f("{neg} {x} {list} {s}{s}"), "-3 1.5 [8,10] ññ");
        assert_eq!(f("{missing} {row"), "{missing} {row");
        assert_eq!(f("{} }{s}{"), "{} }ñ{");
    }
}
