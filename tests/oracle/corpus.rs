//! Reading an oracle corpus (`tests/oracle/*.tsv`, written by `scripts/phone_*oracle.py`): its
//! first line, `#phonenumbers<TAB>version`, names the release of python `phonenumbers` that
//! judged it, which must be the metadata's. Included by the oracle tests with `#[path]`.

use std::path::Path;

use contactkit::phone::METADATA_VERSION;

/// The lines of the corpus at `path` after its first, once its release is checked. Panics
/// with how to write it (`how`) when it cannot be read.
pub fn read(path: &Path, how: &str) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| {
        panic!(
            "cannot read {} ({e}). Write it with:\n{how}",
            path.display()
        )
    });
    let (first, rest) = text.split_once('\n').unwrap_or((&text, ""));
    let version = first
        .strip_prefix("#phonenumbers\t")
        .expect("the corpus's first line names the oracle's release");
    assert_eq!(
        version, METADATA_VERSION,
        "the corpus was judged by phonenumbers {version}, the metadata is libphonenumber \
         {METADATA_VERSION}: run scripts/setup.sh test and the oracle script again"
    );
    rest.to_owned()
}
