//! SDR Agent `POST /contacts/` and the import flow from JSON text: the contact builder equals
//! its `Value` path; the import-flow builders never panic and their errors have messages in
//! both languages.
#![no_main]
use contactkit::payload::{
    build_complete_import, build_create_import, build_link_campaign, build_sdr_agent_contact,
    build_sdr_agent_contact_json, SdrAgentOptions,
};
use contactkit_fuzz::{check_builder, check_errors};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let opts = SdrAgentOptions {
        import_id: Some("7c9e6679-7425-40de-944b-e07fc1f90ae7".into()),
        ..Default::default()
    };
    let r = build_sdr_agent_contact_json(text, &opts);
    check_builder("sdr_agent", text, &r, |v| build_sdr_agent_contact(v, &opts));
    if let Ok(value) = serde_json::from_str(text) {
        for step in [
            build_create_import,
            build_complete_import,
            build_link_campaign,
        ] {
            if let Err(errors) = step(&value, &opts) {
                check_errors(&errors);
            }
        }
    }
});
