//! The build script: compiles libphonenumber's metadata (`build/phone_metadata.json`, dumped
//! from python `phonenumbers` by `scripts/gen_phone_metadata.py`) into the tables the phone
//! engine (`src/phone/`) executes, so that nothing is parsed or compiled at run time and no
//! regex engine is linked into the library.
//!
//! One file per stage:
//!
//! 1. [`metadata`]: reading the metadata file;
//! 2. [`patterns`]: compiling every pattern (with `regex-automata`'s Thompson compiler, the one
//!    the `regex` crate uses) into programs over the ten ASCII digits, the only input the
//!    engine ever matches; those whose positions or capture groups are needed (format patterns,
//!    national prefix for parsing, international prefix) are kept for a backtracking matcher;
//! 3. [`automata`]: where only "does the whole number (or a prefix of it) match" is asked,
//!    deterministic automata, minimized: one per region over its general, number-type and
//!    leading digits patterns, whose last state says which match, and one per list of formats
//!    over their leading digits. Where a format's pattern only constrains the length
//!    (`(\d{3})(\d{4})`), its lengths are all the engine needs to check it;
//! 4. [`tables`]: writing it all out.
//!
//! What the engine reads the same way (bit positions, the instruction set) is
//! `src/phone/layout.rs`, included here as [`layout`].
//!
//! Apart from the tables, [`exports`] chooses the groups of JS exports the binding compiles
//! (all of them unless `bench/size_by_field.mjs` says otherwise).
//!
//! Outputs, in `OUT_DIR`: `phone_tables.rs` (the per-region data and the programs, as Rust
//! statics) and `phone_dfa.bin` (the automata, read with `include_bytes!`).

mod automata;
mod exports;
#[allow(dead_code)]
#[path = "../src/phone/layout.rs"]
mod layout;
mod metadata;
mod patterns;
mod tables;

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-changed=build");
    println!("cargo:rerun-if-changed=src/phone/layout.rs");
    exports::configure();
    let metadata = metadata::load();
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    tables::write(&metadata, &out_dir);
}
