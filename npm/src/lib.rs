//! The npm package's Wasm module: contactkit, linked as a cdylib so that the release profile's
//! LTO applies (see `npm/Cargo.toml`). Every export is contactkit's own JS binding
//! (`src/wasm/` of the main crate, compiled on wasm32).

#![forbid(unsafe_code)]

// Links the crate, with its `#[wasm_bindgen]` exports.
pub use contactkit;
