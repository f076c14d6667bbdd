//! The one dispatch between the APIs' contact builders: a builder prepared from checked
//! options, and the path every contact takes through it (one contact, a batch row, the JS
//! binding's), always as its [`Fields`].

use serde_json::Value;

use super::common::{fields_of, finish_row, not_an_object, type_name, Built, Errors, Fields};
use super::contactship::{Contactship, CountryCache};
use super::json::{parse_row, Row};
use super::sdr_agent::{SdrAgent, SdrCache};
use super::{ContactError, ContactshipOptions, Request, SdrAgentOptions};
use crate::lang::Lang;

/// A builder prepared from valid or invalid options (their problems reported once, when it is
/// made).
pub(crate) enum Api {
    /// Contactship, with the countries of earlier rows at hand.
    Contactship(Contactship, CountryCache),
    /// The SDR Agent, with the locales and timezones of earlier rows at hand.
    SdrAgent(SdrAgent, SdrCache),
}

/// A contact as a caller gives it.
#[derive(Clone, Copy)]
pub(crate) enum Contact<'a> {
    /// A JSON value (a typed contact is turned into one).
    Value(&'a Value),
    /// JSON text: hostile nesting is `nesting_too_deep` on its field, never a stack overflow.
    Text(&'a str),
}

impl Api {
    /// Contactship's builder; the options' problems go to `errs`.
    pub fn contactship(opts: &ContactshipOptions, errs: &mut Errors) -> Api {
        Api::Contactship(opts.prepare(errs), CountryCache::default())
    }

    /// The SDR Agent's builder; the options' problems go to `errs`.
    pub fn sdr_agent(opts: &SdrAgentOptions, errs: &mut Errors) -> Api {
        Api::SdrAgent(opts.prepare(errs), SdrCache::default())
    }

    /// The field the API deduplicates on (409 Conflict).
    pub fn key_field(&self) -> &'static str {
        match self {
            Api::Contactship(..) => Contactship::KEY_FIELD,
            Api::SdrAgent(..) => SdrAgent::KEY_FIELD,
        }
    }

    /// Checks a contact's fields. No request is built when `taken` says an earlier row has the
    /// key (the row is a duplicate, and its request would be thrown away).
    pub fn build_fields(
        &mut self,
        fields: &Fields<'_>,
        errs: &mut Errors,
        taken: &dyn Fn(&str) -> bool,
    ) -> Built {
        match self {
            Api::Contactship(api, countries) => api.build_fields(fields, errs, countries, taken),
            Api::SdrAgent(api, cache) => api.build_fields(fields, errs, cache, taken),
        }
    }

    /// [`Api::build_fields`] of a contact given as a value: anything but an object is
    /// `not_an_object`.
    pub fn build_value(
        &mut self,
        contact: &Value,
        errs: &mut Errors,
        taken: &dyn Fn(&str) -> bool,
    ) -> Built {
        match contact.as_object() {
            Some(obj) => self.build_fields(&fields_of(obj), errs, taken),
            None => {
                errs.list.push(not_an_object(type_name(contact), errs.lang));
                Built::nothing()
            }
        }
    }

    /// [`Api::build_fields`] of a contact given as JSON text, its fields `read` already when
    /// they could be ([`Row::read`]); otherwise the text is parsed, and the fields it could not
    /// read are added to `broken`.
    pub fn build_text(
        &mut self,
        text: &str,
        read: Option<Row<'_>>,
        errs: &mut Errors,
        taken: &dyn Fn(&str) -> bool,
        broken: &mut Vec<ContactError>,
    ) -> Built {
        if let Some(read) = read {
            return self.build_fields(&read.fields(), errs, taken);
        }
        let (value, mut parse_broken) = parse_row(text, errs.lang);
        broken.append(&mut parse_broken);
        self.build_value(&value, errs, taken)
    }
}

/// [`build_contact`] of a contact given whole (no fields broken before, no options errors
/// from a reader): the Rust builders' path.
pub(crate) fn build_given(
    lang: Lang,
    prepare: impl FnOnce(&mut Errors) -> Api,
    contact: Contact<'_>,
) -> Result<Request, Vec<ContactError>> {
    build_contact(lang, prepare, contact, Vec::new(), Vec::new())
}

/// One contact into its request, or every problem at once: the options' errors first
/// (`option_errors` from reading them, then those `prepare` finds), then the fields that could
/// not be read (`broken`), then the contact's.
pub(crate) fn build_contact(
    lang: Lang,
    prepare: impl FnOnce(&mut Errors) -> Api,
    contact: Contact<'_>,
    mut broken: Vec<ContactError>,
    mut option_errors: Vec<ContactError>,
) -> Result<Request, Vec<ContactError>> {
    let mut errs = Errors::new(lang);
    let mut api = prepare(&mut errs);
    option_errors.append(&mut errs.list);
    let mut errs = Errors::new(lang);
    let none = |_: &str| false;
    let built = match contact {
        Contact::Value(v) => api.build_value(v, &mut errs, &none),
        Contact::Text(text) => api.build_text(text, Row::read(text), &mut errs, &none, &mut broken),
    };
    finish_row(built, errs, broken, &option_errors).0
}
