//! The host operations natively: the `url`, `idna` and ICU4X crates (`url` links the other two).

use std::borrow::Cow;

use icu_properties::props::{GeneralCategory, GeneralCategoryGroup};
use icu_properties::CodePointMapData;
use idna::uts46::AsciiDenyList;

use super::Url;

pub(super) fn parse_url(input: &str) -> Option<Url> {
    let url = url::Url::parse(input).ok()?;
    Some(Url {
        href: url.as_str().to_string(),
        scheme: url.scheme().to_string(),
        host: url.host_str().unwrap_or_default().to_string(),
        path: url.path().to_string(),
        query: url.query().map(str::to_string),
        port: url.port(),
        has_fragment: url.fragment().is_some(),
        has_credentials: !url.username().is_empty() || url.password().is_some(),
    })
}

pub(super) fn domain_to_ascii(domain: &str) -> Option<String> {
    // Through `idna`'s own entry point, the one `url` calls: a `Uts46` built in this crate
    // would link a second copy of the ICU4X tables.
    idna::domain_to_ascii_cow(domain.as_bytes(), AsciiDenyList::STD3)
        .ok()
        .map(Cow::into_owned)
}

/// ICU4X's normalizer, not `unicode-normalization`: IDNA already links its data.
pub(super) fn nfc(s: &str) -> Cow<'_, str> {
    icu_normalizer::ComposingNormalizerBorrowed::new_nfc().normalize(s)
}

fn is_mark(c: char) -> bool {
    matches!(
        CodePointMapData::<GeneralCategory>::new().get(c),
        GeneralCategory::NonspacingMark | GeneralCategory::SpacingMark
    )
}

pub(super) fn nfd(s: &str) -> Cow<'_, str> {
    icu_normalizer::DecomposingNormalizerBorrowed::new_nfd().normalize(s)
}

pub(super) fn lowercase(s: &str) -> String {
    s.to_lowercase()
}

pub(super) fn is_letter(c: char) -> bool {
    GeneralCategoryGroup::Letter.contains(CodePointMapData::<GeneralCategory>::new().get(c))
}

pub(super) fn is_word_text(s: &str) -> bool {
    let digit =
        |c| CodePointMapData::<GeneralCategory>::new().get(c) == GeneralCategory::DecimalNumber;
    s.chars()
        .all(|c| c == '-' || c == '_' || is_letter(c) || is_mark(c) || digit(c))
}

pub(super) fn starts_with_mark(s: &str) -> bool {
    s.chars().next().is_some_and(is_mark)
}

#[cfg(test)]
mod tests {
    use icu_properties::props::BidiClass;
    use icu_properties::CodePointMapData;

    use super::super::{bidi, domain_to_unicode, punycode};

    /// The number `bidi.rs` gives a Bidi class.
    fn rule_class(value: BidiClass) -> u8 {
        use bidi::class::*;
        [
            (BidiClass::LeftToRight, L),
            (BidiClass::RightToLeft, R),
            (BidiClass::EuropeanNumber, EN),
            (BidiClass::EuropeanSeparator, ES),
            (BidiClass::EuropeanTerminator, ET),
            (BidiClass::ArabicNumber, AN),
            (BidiClass::CommonSeparator, CS),
            (BidiClass::OtherNeutral, ON),
            (BidiClass::ArabicLetter, AL),
            (BidiClass::NonspacingMark, NSM),
            (BidiClass::BoundaryNeutral, BN),
        ]
        .into_iter()
        .find(|&(class, _)| class == value)
        .map_or(OTHER, |(_, number)| number)
    }

    /// The shared Bidi_Class table (`bidi_class.bin`) is ICU4X's data, the data `idna` uses;
    /// `CONTACTKIT_WRITE_BIDI_TABLE=1` writes it from that data.
    #[test]
    fn bidi_table_is_icu4x_data() {
        let mut table = Vec::new();
        let mut last = None;
        for range in CodePointMapData::<BidiClass>::new().iter_ranges() {
            let class = rule_class(range.value);
            if last != Some(class) {
                table.extend_from_slice(&range.range.start().to_be_bytes()[1..]);
                table.push(class);
                last = Some(class);
            }
        }
        if std::env::var_os("CONTACTKIT_WRITE_BIDI_TABLE").is_some() {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/host/bidi_class.bin");
            std::fs::write(path, &table).unwrap();
        }
        assert!(
            bidi::TABLE == table,
            "src/host/bidi_class.bin is not ICU4X's Bidi_Class data"
        );
    }

    /// The shared Punycode decoder against `idna`'s, on every label `idna` encodes from a
    /// spread of scripts, and `domain_to_unicode` against UTS #46 ToUnicode.
    #[test]
    fn punycode_matches_idna() {
        let words = [
            "bücher",
            "faß",
            "ελληνικά",
            "русский",
            "עברית",
            "العربية",
            "हिन्दी",
            "中文",
            "日本語",
            "한국어",
            "😀smile",
            "a\u{200d}b",
            "ﬁ",
            "ǅ",
            "𝔘𝔫𝔦",
            "ꙮ",
            "ᄀᄀᄀ",
        ];
        for word in words {
            let encoded = idna::punycode::encode_str(word).unwrap();
            assert_eq!(
                punycode::decode(&encoded).as_deref(),
                Some(word),
                "{encoded}"
            );
            let domain = format!("xn--{encoded}.example");
            let (unicode, result) = idna::domain_to_unicode(&domain);
            if result.is_ok() {
                assert_eq!(domain_to_unicode(&domain), unicode);
            }
        }
        for cp in (0x80..0x3_0000).step_by(97).filter_map(char::from_u32) {
            let word: String = [cp, 'a', cp].into_iter().collect();
            let encoded = idna::punycode::encode_str(&word).unwrap();
            assert_eq!(punycode::decode(&encoded).as_deref(), Some(word.as_str()));
        }
    }
}
