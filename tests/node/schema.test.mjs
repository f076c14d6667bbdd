// contactkit/schema (npm/schema.js): Standard Schema v1 validators over the package's rules,
// through two real consumers from npm: react-hook-form's standardSchemaResolver and TanStack
// Form (@tanstack/form-core), plus @standard-schema/spec's types (tests/types/schema.ts).
import { test } from "node:test";
import assert from "node:assert/strict";
import { standardSchemaResolver } from "@hookform/resolvers/standard-schema";
import { createFormControl } from "react-hook-form";
import { FormApi, FieldApi } from "@tanstack/form-core";
import * as ck from "../../pkg/node.mjs";
import {
  phoneSchema, emailSchema, linkedinSchema, localeSchema, timezoneSchema, countrySchema,
  contactshipContactSchema, sdrAgentContactSchema,
} from "../../pkg/schema-node.mjs";

const validate = (schema, value) => schema["~standard"].validate(value);

test("each field schema is a Standard Schema v1 whose output is the field's normalized value", () => {
  const cases = [
    [phoneSchema({ defaultCountry: "MX" }), "55 1234 5678", "+525512345678"],
    [emailSchema(), " Ana@Example.COM ", "Ana@example.com"],
    [linkedinSchema(), "linkedin.com/in/JohnDoe/", "https://www.linkedin.com/in/johndoe"],
    [localeSchema(), "EN_us", "en-US"],
    [timezoneSchema(), "US/Eastern", "America/New_York"],
    [countrySchema(), "México", "MX"],
  ];
  for (const [schema, input, value] of cases) {
    assert.equal(schema["~standard"].version, 1);
    assert.equal(schema["~standard"].vendor, "contactkit");
    assert.deepEqual(validate(schema, input), { value });
  }
});

test("a field's issue carries our code, params and message in the language asked for", () => {
  const r = validate(phoneSchema({ defaultCountry: "MX", lang: "es" }), "55 1234 56789");
  assert.equal(r.value, undefined);
  assert.equal(r.issues.length, 1);
  const [issue] = r.issues;
  assert.equal(issue.code, "phone_too_long");
  assert.equal(issue.message, ck.normalizePhone("55 1234 56789", { defaultCountry: "MX", lang: "es" }).error.message);
  assert.deepEqual(issue.params.possible_lengths, [10]);
  assert.equal(issue.path, undefined);
  assert.equal(validate(emailSchema({ lang: "es" }), "ana").issues[0].code, "email_missing_at");
  assert.equal(validate(countrySchema(), 42).issues[0].code, "wrong_type");
  assert.equal(validate(phoneSchema({ defaultCountri: "MX" }), "1").issues[0].code, "invalid_option");
});

test("a phone start that more digits may complete is the issue phone_incomplete", () => {
  for (const start of ["+", "+3", "+1 65"]) {
    const [issue] = validate(phoneSchema(), start).issues;
    assert.equal(issue.code, "phone_incomplete", start);
  }
  const [es] = validate(phoneSchema({ lang: "es" }), "+3").issues;
  assert.equal(es.message, ck.errorMessages("es").phone_incomplete);
  // Too short so far is a start too (as AsYouType's getNumber() says); letters, or too many
  // digits, are not.
  assert.equal(validate(phoneSchema({ defaultCountry: "MX" }), "55 1234").issues[0].code, "phone_incomplete");
  assert.equal(validate(phoneSchema(), "abc").issues[0].code, "phone_not_a_number");
  assert.equal(validate(phoneSchema({ defaultCountry: "US" }), "650253000012345").issues[0].code, "phone_too_long");
});

test("a contact schema gives the normalized contact, or issues with each field's path", () => {
  const schema = contactshipContactSchema({ defaultCountry: "MX" });
  const ok = validate(schema, { phone_number: "55 1234 5678", full_name: " Ana ", country: "mx", additional_data: [{ type: "number", field: "score", value: 87 }] });
  assert.deepEqual(ok, {
    value: { phone_number: "+525512345678", full_name: "Ana", country: "Mexico", additional_data: [{ type: "number", field: "score", value: "87" }] },
  });
  const bad = validate(schema, { phone_number: "55 1234", full_name: "", additional_data: [{ type: "date", field: "alta", value: "2023-02-29" }] });
  assert.deepEqual(bad.issues.map((i) => [i.path, i.code]), [
    [["phone_number"], "phone_too_short"],
    [["full_name"], "required"],
    [["additional_data", 0, "value"], "additional_data_invalid_date"],
  ]);
  const sdr = sdrAgentContactSchema({ lang: "es" });
  assert.deepEqual(validate(sdr, { full_name: "Ana", email: "ANA@example.com", linkedin_profile: "linkedin.com/in/ana", metadata: { big: 12345678901234567890 } }).value, {
    full_name: "Ana", email: "ANA@example.com", linkedin_profile: "https://www.linkedin.com/in/ana", metadata: { big: 12345678901234567890 },
  });
  const [notObject] = validate(sdr, "ana").issues;
  assert.deepEqual([notObject.path, notObject.code], [[], "not_an_object"]);
});

test("no schema throws, whatever it is given", () => {
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  const trap = new Proxy({}, { get() { throw new Error("trap"); }, ownKeys() { throw new Error("trap"); } });
  const hostile = [undefined, null, 42, 1n, Symbol("s"), {}, [], revoked.proxy, trap, "\ud800", "+", "x".repeat(100000)];
  const makers = [phoneSchema, emailSchema, linkedinSchema, localeSchema, timezoneSchema, countrySchema, contactshipContactSchema, sdrAgentContactSchema];
  for (const make of makers) {
    for (const options of [undefined, ...hostile]) {
      const schema = make(options);
      for (const value of hostile) {
        const r = validate(schema, value);
        assert.ok("value" in r || r.issues.length > 0, make.name);
        for (const i of r.issues ?? []) assert.equal(typeof i.message, "string");
      }
    }
  }
});

test("react-hook-form's standardSchemaResolver takes a contact schema", async () => {
  const resolver = standardSchemaResolver(contactshipContactSchema({ defaultCountry: "MX", lang: "es" }));
  const options = { fields: {}, shouldUseNativeValidation: false };
  const good = await resolver({ phone_number: "55 1234 5678", full_name: "Ana" }, undefined, options);
  assert.deepEqual(good, { values: { phone_number: "+525512345678", full_name: "Ana" }, errors: {} });
  const bad = await resolver({ phone_number: "+3", full_name: "Ana", email: "ana@" }, undefined, options);
  assert.deepEqual(bad.values, {});
  assert.deepEqual(Object.keys(bad.errors).sort(), ["email", "phone_number"]);
  assert.equal(bad.errors.email.message, ck.normalizeEmail("ana@", { lang: "es" }).error.message);

  // The whole form outside React (createFormControl), submitted: the handler gets the output.
  const { control, handleSubmit, setValue } = createFormControl({
    resolver: standardSchemaResolver(sdrAgentContactSchema()),
    defaultValues: { full_name: "Ana", email: "ana@gmial", linkedin_profile: "linkedin.com/in/ana" },
  });
  let submitted;
  await handleSubmit((data) => (submitted = data))();
  assert.equal(submitted, undefined);
  assert.equal(control._formState.errors.email.message, ck.normalizeEmail("ana@gmial").error.message);
  setValue("email", "ana@gmail.com");
  await handleSubmit((data) => (submitted = data))();
  assert.deepEqual(submitted, { full_name: "Ana", email: "ana@gmail.com", linkedin_profile: "https://www.linkedin.com/in/ana" });
});

test("TanStack Form takes a contact schema for the form and field schemas for its fields", async () => {
  const form = new FormApi({
    defaultValues: { phone_number: "+3", full_name: "" },
    validators: { onChange: contactshipContactSchema({ defaultCountry: "MX" }) },
  });
  form.mount();
  const phone = new FieldApi({ form, name: "phone_number", validators: { onChange: phoneSchema({ defaultCountry: "MX" }) } });
  phone.mount();
  phone.setValue("+");
  assert.deepEqual(phone.state.meta.errors.map((e) => e.code), ["phone_incomplete"]);
  phone.setValue("55 1234 56789");
  assert.deepEqual(phone.state.meta.errors.map((e) => e.code), ["phone_too_long"]);
  phone.setValue("55 1234 5678");
  assert.deepEqual(phone.state.meta.errors, []);
  await form.handleSubmit();
  assert.equal(form.state.isSubmitSuccessful, false);
  // The form's schema put each issue on the field its path names.
  assert.deepEqual(form.getFieldMeta("full_name").errors.map((e) => e.code), ["required"]);
  assert.deepEqual(form.getFieldMeta("phone_number").errors, []);
  form.setFieldValue("full_name", "Ana");
  await form.handleSubmit();
  assert.equal(form.state.isSubmitSuccessful, true);
});
