//! Sends a contact to Contactship with reqwest (`cargo run --example send_with_reqwest
//! --features http`, with CONTACTSHIP_API_KEY set): the request built and checked by
//! contactkit, converted to an `http::Request`, then to reqwest's.
use contactkit::payload::{ContactshipContact, ContactshipOptions};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let api_key = std::env::var("CONTACTSHIP_API_KEY")?;
    let opts = ContactshipOptions {
        api_key: Some(api_key),
        ..Default::default()
    };
    let contact = ContactshipContact::new("+1 212 456 7890", "Juan Pérez");
    let request = http::Request::try_from(contact.build(&opts)?)?; // every problem, or the request
    let response = reqwest::blocking::Client::new().execute(request.try_into()?)?;
    println!("{} {}", response.status(), response.text()?);
    Ok(())
}
