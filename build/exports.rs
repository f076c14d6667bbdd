//! Which groups of JS exports the binding (`src/wasm/`) compiles: all of them, unless
//! `CONTACTKIT_EXPORTS` names some (`phone,forms`; empty for none). Only
//! `bench/size_by_field.mjs` sets it, to weigh each part of the npm package: link-time
//! optimization drops the code and data that no compiled export reaches. `errorMessages` and
//! `messageWords` are in every build.
//!
//! Each group is a cfg, `contactkit_export = "<group>"`, on the items of `src/wasm/` that
//! export it.

/// The groups: one per field rule's `normalize*` export, then the binding's modules.
const GROUPS: [&str; 9] = [
    "phone", "email", "linkedin", "locale", "timezone", "country", // src/wasm/fields.rs
    "forms",   // src/wasm/forms.rs
    "payload", // src/wasm/payload.rs
    "columns", // src/wasm/columns.rs
];

/// Declares the cfg and turns on the groups asked for.
pub fn configure() {
    let values = GROUPS.map(|g| format!("\"{g}\"")).join(", ");
    println!("cargo::rustc-check-cfg=cfg(contactkit_export, values({values}))");
    println!("cargo::rerun-if-env-changed=CONTACTKIT_EXPORTS");
    let asked = std::env::var("CONTACTKIT_EXPORTS").ok();
    let on: Vec<&str> = match &asked {
        None => GROUPS.to_vec(),
        Some(list) => list.split(',').filter(|g| !g.is_empty()).collect(),
    };
    for group in on {
        assert!(
            GROUPS.contains(&group),
            "CONTACTKIT_EXPORTS: no export group {group:?} (the groups: {})",
            GROUPS.join(", ")
        );
        println!("cargo::rustc-cfg=contactkit_export=\"{group}\"");
    }
}
