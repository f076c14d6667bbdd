// Boots the page: loads the Wasm package once, wires the API and language switches and the
// tabs, and warms up the slow first calls while the browser is idle.

import { loadContactkit, contactkit } from './wasm.js';
import { setLang, t, lang, translatePage, bindText } from './i18n.js';
import { initForm, setFormApi, setFormReady, refreshFormLanguage, phoneCountry } from './form.js';
import { initImport, setImportApi, refreshImportLanguage } from './import.js';
import { allCountries, timezones } from './countries.js';
import { announce, whenIdle } from './dom.js';

const STORAGE = 'contactkit-demo';

function saved() {
  try {
    return JSON.parse(localStorage.getItem(STORAGE) ?? '{}') ?? {};
  } catch {
    return {};
  }
}

function save(patch) {
  try {
    localStorage.setItem(STORAGE, JSON.stringify({ ...saved(), ...patch }));
  } catch {
    /* private mode: the choice is simply not remembered */
  }
}

function currentApi() {
  return document.querySelector('input[name="api"]:checked')?.value ?? 'contactship';
}

function setupTabs() {
  const tabs = [...document.querySelectorAll('[role="tab"]')];
  const select = (tab, focus) => {
    for (const other of tabs) {
      const on = other === tab;
      other.setAttribute('aria-selected', String(on));
      other.tabIndex = on ? 0 : -1;
      document.getElementById(other.getAttribute('aria-controls')).hidden = !on;
    }
    if (focus) tab.focus();
    if (location.hash !== `#${tab.id.slice(4)}`) history.replaceState(null, '', `#${tab.id.slice(4)}`);
  };
  for (const tab of tabs) {
    tab.addEventListener('click', () => select(tab, false));
    tab.addEventListener('keydown', (e) => {
      const i = tabs.indexOf(tab);
      const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[e.key];
      if (next === undefined) return;
      e.preventDefault();
      select(tabs[(next + tabs.length) % tabs.length], true);
    });
  }
  const fromHash = tabs.find((x) => x.id === `tab-${location.hash.slice(1)}`);
  if (fromHash) select(fromHash, false);
}

/** Fills the datalists from the library: every country, named in the page's language; every zone. */
function fillDatalists() {
  const option = (value, label) => {
    const o = document.createElement('option');
    o.value = value;
    if (label) o.label = label;
    return o;
  };
  document.getElementById('country-list').replaceChildren(...allCountries(lang()).map((c) => option(c.name, c.code)));
  const zones = document.getElementById('timezone-list');
  if (zones.childElementCount === 0) zones.replaceChildren(...timezones().map((z) => option(z)));
}

/**
 * The first call of each rule pays for the engine compiling that rule's Wasm code (the rules'
 * tables are built at compile time, so that is a few milliseconds), and the country list takes
 * a few hundred lookups. Doing both while the browser is idle keeps the first keystroke fast.
 * Steps run while the idle slice lasts.
 */
function warmUp() {
  // The phone's country, else US.
  const country = () => phoneCountry() ?? 'US';
  const steps = [
    () => contactkit.normalizePhone('2015550123', { defaultCountry: country() }),
    () => contactkit.normalizePhone('+34 612 34 56 78'),
    () => contactkit.normalizeEmail('juan@gmial.com'),
    () => contactkit.normalizeCountry('México'),
    () => contactkit.normalizeLinkedIn('linkedin.com/in/johndoe'),
    () => contactkit.normalizeLocale('en_us'),
    () => contactkit.normalizeTimezone('US/Eastern'),
    () => fillDatalists(),
    () => contactkit.buildContactshipContact?.({ phone_number: '2015550123', full_name: 'A', country: 'US' }),
    () => contactkit.buildSdrAgentContact?.({ full_name: 'A', email: 'a@example.com', linkedin_profile: 'linkedin.com/in/a' }),
  ];
  const t0 = performance.now();
  const next = (deadline) => {
    while (steps.length > 0 && (deadline.didTimeout || deadline.timeRemaining() > 4)) {
      try {
        steps.shift()();
      } catch (e) {
        console.warn('warm-up step failed', e);
      }
    }
    if (steps.length > 0) whenIdle(next);
    else {
      document.body.dataset.warm = String(Math.round(performance.now() - t0));
    }
  };
  whenIdle(next);
}

async function main() {
  const prefs = saved();
  if (prefs.lang === 'es') document.querySelector('input[name="lang"][value="es"]').checked = true;
  if (prefs.api === 'sdr_agent') document.querySelector('input[name="api"][value="sdr_agent"]').checked = true;
  setLang(document.querySelector('input[name="lang"]:checked').value);
  translatePage();
  setupTabs();
  initForm();
  initImport();
  setFormApi(currentApi());
  setImportApi(currentApi());

  for (const radio of document.querySelectorAll('input[name="api"]')) {
    radio.addEventListener('change', () => {
      save({ api: currentApi() });
      setFormApi(currentApi());
      setImportApi(currentApi());
    });
  }
  for (const radio of document.querySelectorAll('input[name="lang"]')) {
    radio.addEventListener('change', () => {
      setLang(radio.value);
      save({ lang: radio.value });
      translatePage();
      refreshFormLanguage();
      refreshImportLanguage();
      if (document.body.dataset.ready) whenIdle(() => fillDatalists());
    });
  }

  try {
    const t0 = performance.now();
    await loadContactkit();
    document.body.dataset.loadMs = String(Math.round(performance.now() - t0));
  } catch (e) {
    const failed = () => t('loadFailed', { error: e.message });
    bindText(document.getElementById('preview'), failed);
    announce(failed);
    return;
  }
  setFormReady();
  document.body.dataset.ready = 'true';
  warmUp();
}

main();
