//! Typed contacts: the field names of each API checked by the compiler, beside the
//! `serde_json::Value` contacts every builder also takes.
//!
//! [`ContactshipContact`] and [`SdrAgentContact`] have exactly the fields their API documents
//! (`/v1/contacts`, `/contacts/`), with the same names in JSON, so they also deserialize a
//! request body or a queue message (`deny_unknown_fields`: a misspelled field is an error
//! there too). Their values are still checked by the builders: a typed `phone_number` can
//! hold anything a form field can.
//!
//! [`RejectedContact`] is every problem of a contact as one `std::error::Error`, for `?`.

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::{ContactError, ContactshipOptions, Request, SdrAgentOptions};

/// A contact for Contactship `POST /v1/contacts`, with the API's field names.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContactshipContact {
    /// Any spelling the phone rule reads; sent in E.164.
    pub phone_number: String,
    /// The contact's full name.
    pub full_name: String,
    /// A country code or name; sent as [`super::CountryFormat`] says, and the default country
    /// of `phone_number`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// An email address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Notes about the contact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Custom data fields.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub additional_data: Option<Vec<AdditionalData>>,
}

impl ContactshipContact {
    /// A contact with the two required fields and nothing else.
    pub fn new(phone_number: impl Into<String>, full_name: impl Into<String>) -> Self {
        ContactshipContact {
            phone_number: phone_number.into(),
            full_name: full_name.into(),
            ..Default::default()
        }
    }

    /// [`super::build_contactship_contact`] of this contact, with its problems as one error.
    pub fn build(&self, opts: &ContactshipOptions) -> Result<Request, RejectedContact> {
        super::build_contactship_contact(self, opts).map_err(RejectedContact::from)
    }
}

/// One item of Contactship's `additional_data`: `{ "type", "field", "value" }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AdditionalData {
    /// How `value` is read.
    #[serde(rename = "type")]
    pub kind: AdditionalDataType,
    /// The name of the data field.
    pub field: String,
    /// The value, as text (a date in ISO 8601, a number in decimal).
    pub value: String,
}

impl AdditionalData {
    /// An item of the given type.
    pub fn new(
        kind: AdditionalDataType,
        field: impl Into<String>,
        value: impl Into<String>,
    ) -> Self {
        AdditionalData {
            kind,
            field: field.into(),
            value: value.into(),
        }
    }
}

/// The `type` of an [`AdditionalData`] item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AdditionalDataType {
    /// Free text.
    Text,
    /// An ISO 8601 date or date-time.
    Date,
    /// A finite number.
    Number,
    /// An address or place.
    Location,
}

/// A contact for SDR Agent `POST /contacts/`, with the API's field names.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SdrAgentContact {
    /// The contact's full name.
    pub full_name: String,
    /// An email address; the API's duplicate key.
    pub email: String,
    /// A LinkedIn profile URL (`/in/...`); sent canonical.
    pub linkedin_profile: String,
    /// The company's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company: Option<String>,
    /// A BCP 47 locale, such as `en-US`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
    /// An IANA timezone, such as `America/New_York`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timezone: Option<String>,
    /// Enrichment data: any JSON object, sent unchanged (keys in their order).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Map<String, Value>>,
}

impl SdrAgentContact {
    /// A contact with the three required fields and nothing else.
    pub fn new(
        full_name: impl Into<String>,
        email: impl Into<String>,
        linkedin_profile: impl Into<String>,
    ) -> Self {
        SdrAgentContact {
            full_name: full_name.into(),
            email: email.into(),
            linkedin_profile: linkedin_profile.into(),
            ..Default::default()
        }
    }

    /// [`super::build_sdr_agent_contact`] of this contact, with its problems as one error.
    pub fn build(&self, opts: &SdrAgentOptions) -> Result<Request, RejectedContact> {
        super::build_sdr_agent_contact(self, opts).map_err(RejectedContact::from)
    }
}

/// What [`super::build_contactship_contact`] takes: a [`ContactshipContact`] or a JSON value.
pub trait ContactshipInput {
    /// The contact as the JSON object the builder reads.
    fn to_contact_json(&self) -> Cow<'_, Value>;
}

/// What [`super::build_sdr_agent_contact`] takes: an [`SdrAgentContact`] or a JSON value.
pub trait SdrAgentInput {
    /// The contact as the JSON object the builder reads.
    fn to_contact_json(&self) -> Cow<'_, Value>;
}

impl ContactshipInput for Value {
    fn to_contact_json(&self) -> Cow<'_, Value> {
        Cow::Borrowed(self)
    }
}

impl SdrAgentInput for Value {
    fn to_contact_json(&self) -> Cow<'_, Value> {
        Cow::Borrowed(self)
    }
}

impl ContactshipInput for ContactshipContact {
    fn to_contact_json(&self) -> Cow<'_, Value> {
        Cow::Owned(to_json(self))
    }
}

impl SdrAgentInput for SdrAgentContact {
    fn to_contact_json(&self) -> Cow<'_, Value> {
        Cow::Owned(to_json(self))
    }
}

/// A typed contact as JSON. Strings, maps with string keys and JSON values always serialize,
/// so the `Null` fallback is never taken (the builder would report it as `not_an_object`).
fn to_json<T: Serialize>(contact: &T) -> Value {
    serde_json::to_value(contact).unwrap_or(Value::Null)
}

/// A contact the builder rejected: every problem, each with its field, as one
/// `std::error::Error`. `Display` lists them all, one per line (`field: code: message`).
///
/// ```
/// use contactkit::payload::{ContactshipContact, ContactshipOptions, RejectedContact};
///
/// fn request() -> Result<String, RejectedContact> {
///     let contact = ContactshipContact::new("+1 212 456 7890", "Juan Pérez");
///     let request = contact.build(&ContactshipOptions::default())?;
///     Ok(request.body)
/// }
/// # assert!(request().is_ok());
///
/// let rejected = ContactshipContact::new("12", " ").build(&ContactshipOptions::default());
/// let rejected = rejected.unwrap_err();
/// assert_eq!(rejected.errors().len(), 2);
/// assert!(rejected.to_string().contains("full_name: required: This field is required."));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct RejectedContact {
    errors: Vec<ContactError>,
}

impl RejectedContact {
    /// Every problem, in the order the builder found them.
    pub fn errors(&self) -> &[ContactError] {
        &self.errors
    }

    /// The problems, owned.
    pub fn into_errors(self) -> Vec<ContactError> {
        self.errors
    }
}

impl From<Vec<ContactError>> for RejectedContact {
    fn from(errors: Vec<ContactError>) -> Self {
        RejectedContact { errors }
    }
}

impl fmt::Display for RejectedContact {
    /// One problem per line, `field: message`, in the language of the options (no words of
    /// its own: every message comes from the message table).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.errors.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for RejectedContact {}
