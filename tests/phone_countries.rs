//! A country picker's data from the phone metadata: regions, calling codes, example numbers.
//! Runs natively and in wasm.

use contactkit::phone::{
    calling_code, example_number, example_numbers, normalize, regions, NumberType, PhoneOptions,
};
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test(unsupported = test)]
fn regions_and_calling_codes() {
    let list: Vec<_> = regions().collect();
    assert_eq!(list.len(), 245, "libphonenumber 9.0.43 has 245 regions");
    assert!(
        list.windows(2).all(|w| w[0].code < w[1].code),
        "sorted by code"
    );
    for (code, cc) in [
        ("US", 1),
        ("CA", 1),
        ("GB", 44),
        ("GG", 44),
        ("MX", 52),
        ("AC", 247),
    ] {
        assert!(
            list.iter().any(|r| r.code == code && r.calling_code == cc),
            "{code}"
        );
        assert_eq!(calling_code(code), Some(cc));
        assert_eq!(calling_code(&code.to_lowercase()), Some(cc));
    }
    // Countries without a numbering plan, codes that are no country, non-geographic entities.
    for none in ["AQ", "UM", "XX", "001", "", "U"] {
        assert!(!list.iter().any(|r| r.code == none), "{none}");
        assert_eq!(calling_code(none), None, "{none}");
    }
    // Every region's calling code is the one its numbers are read with.
    for region in &list {
        let opts = PhoneOptions {
            default_country: Some(region.code.into()),
            ..Default::default()
        };
        if let Some(example) = example_numbers(region.code).first() {
            assert_eq!(example.calling_code, region.calling_code, "{}", region.code);
            // Its national format, read in the region, is the same number.
            let again = normalize(&example.national, &opts).unwrap();
            assert_eq!(again.e164, example.e164, "{}", region.code);
        }
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn example_numbers_in_every_format() {
    let us = example_number("us", NumberType::FixedLine).unwrap();
    assert_eq!(
        (
            us.e164.as_str(),
            us.national.as_str(),
            us.international.as_str()
        ),
        ("+12015550123", "(201) 555-0123", "+1 201-555-0123")
    );
    let gb = example_number("GB", NumberType::Mobile).unwrap();
    assert_eq!(gb.e164, "+447400123456");
    assert_eq!(gb.national, "07400 123456");
    assert_eq!(gb.number_type, NumberType::Mobile);
    assert_eq!(gb.region.as_deref(), Some("GB"));
    // A type the region has no example of, a type no example is, no metadata.
    assert!(example_number("US", NumberType::Voicemail).is_none());
    assert!(example_number("US", NumberType::Unknown).is_none());
    assert!(example_number("AQ", NumberType::Mobile).is_none());
    assert!(example_numbers("XX").is_empty());
    // Every example of every region is valid, of its region and of its type.
    let types = [
        NumberType::FixedLine,
        NumberType::Mobile,
        NumberType::TollFree,
        NumberType::PremiumRate,
        NumberType::SharedCost,
        NumberType::PersonalNumber,
        NumberType::Voip,
        NumberType::Pager,
        NumberType::Uan,
        NumberType::Voicemail,
    ];
    let (mut count, mut others) = (0, 0);
    for region in regions() {
        for t in types {
            let Some(example) = example_number(region.code, t) else {
                continue;
            };
            count += 1;
            // Of the region, or (toll-free numbers under +1, say) of another region of the
            // calling code that libphonenumber lists first.
            let of = example.region.as_deref().unwrap_or("");
            assert!(
                of == region.code || calling_code(of) == Some(region.calling_code),
                "{} {t:?}: {of}",
                region.code
            );
            others += usize::from(of != region.code);
            let same_kind = example.number_type == t
                || (example.number_type == NumberType::FixedLineOrMobile
                    && matches!(t, NumberType::FixedLine | NumberType::Mobile));
            assert!(
                same_kind,
                "{} {t:?}: {:?}",
                region.code, example.number_type
            );
        }
        assert_eq!(
            example_numbers(region.code).len(),
            types
                .iter()
                .filter(|&&t| example_number(region.code, t).is_some())
                .count()
        );
    }
    assert!(count > 1_000, "{count}");
    // 137 of 1,129 in 9.0.43 (+1's toll-free numbers are US numbers, +7's shared ones RU's).
    assert!(
        others < count / 5,
        "{others} of {count} examples of another region"
    );
}
