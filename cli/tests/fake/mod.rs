//! A fake server of both APIs, as `/work/shared/seeds/` documents them, for the tests and the
//! benchmark: required fields (400), `201 Created` with the stored contact, `409 Conflict` on a
//! second contact with the same phone number (Contactship) or email (SDR Agent, compared
//! case-insensitively), `401` on a wrong key, and the SDR Agent import endpoints.
//!
//! Faults are injected in a chosen share of requests, picked by a seeded hash of the request's
//! sequence number: a connection dropped before the contact is stored, a 500, a 429 with
//! `Retry-After`, a slow answer (the contact stored after the delay), and an answer lost after
//! the contact was stored.
#![allow(dead_code)]

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::{Path, Request, State};
use axum::http::{HeaderMap, StatusCode};
use axum::middleware::{from_fn_with_state, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{post, put};
use axum::{Json, Router};
use serde_json::{json, Value};

/// What can go wrong with a request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    /// The connection is dropped before anything is stored.
    Drop,
    /// `500 Internal Server Error`, nothing stored.
    ServerError,
    /// `429 Too Many Requests` with `Retry-After`, nothing stored.
    TooMany,
    /// The answer comes after [`Config::slow`] (the contact stored then).
    Slow,
    /// The contact is stored, then the connection is dropped.
    LostAnswer,
}

const FAULTS: [Fault; 5] = [
    Fault::Drop,
    Fault::ServerError,
    Fault::TooMany,
    Fault::Slow,
    Fault::LostAnswer,
];

/// The server's settings.
#[derive(Clone, Debug)]
pub struct Config {
    /// The key both APIs take (`x-api-key`, `X-API-Key` or `Authorization: Bearer`).
    pub api_key: String,
    /// The share of requests that meet a fault, 0 to 1.
    pub fault_rate: f64,
    /// Which faults, picked in turn by the hash (all five by default).
    pub faults: Vec<Fault>,
    /// The seed of the fault picks.
    pub seed: u64,
    /// The delay of a slow answer.
    pub slow: Duration,
    /// `Retry-After` of a 429, in seconds.
    pub retry_after: u32,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            api_key: "test-key".into(),
            fault_rate: 0.0,
            faults: FAULTS.to_vec(),
            seed: 1,
            slow: Duration::from_millis(1500),
            retry_after: 1,
        }
    }
}

/// What the server holds; the tests read it.
#[derive(Default)]
pub struct Store {
    /// Contactship contacts by phone number.
    pub contactship: HashMap<String, Value>,
    /// SDR Agent contacts by lower-cased email, with their import.
    pub sdr: HashMap<String, (Value, Option<String>)>,
    /// SDR Agent imports: their last state.
    pub imports: HashMap<String, Value>,
    /// Campaign links: (campaign, import).
    pub links: Vec<(String, String)>,
    /// Every contact body received, stored or not.
    pub received: Vec<Value>,
    /// Creations answered or lost, per key: never more than one each.
    pub stored: u64,
}

/// The shared state of a running server.
pub struct Fake {
    pub config: Config,
    pub store: Mutex<Store>,
    pub requests: AtomicU64,
    pub faults: AtomicU64,
    ids: AtomicU64,
}

impl Fake {
    fn store(&self) -> std::sync::MutexGuard<'_, Store> {
        self.store.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn id(&self) -> String {
        let n = self.ids.fetch_add(1, Ordering::Relaxed) + 1;
        let h = mix(n ^ self.config.seed.rotate_left(17));
        format!(
            "{:08x}-{:04x}-4{:03x}-8{:03x}-{:012x}",
            (h >> 32) as u32,
            (h >> 16) as u16,
            (h & 0xfff) as u16,
            (n >> 48) as u16 & 0xfff,
            n & 0xffff_ffff_ffff
        )
    }

    /// The fault of the next request, if any.
    fn fault(&self) -> Option<Fault> {
        let n = self.requests.fetch_add(1, Ordering::Relaxed);
        let h = mix(n.wrapping_add(self.config.seed.wrapping_mul(0x9e37_79b9_7f4a_7c15)));
        let u = (h >> 11) as f64 / (1u64 << 53) as f64;
        if u >= self.config.fault_rate || self.config.faults.is_empty() {
            return None;
        }
        self.faults.fetch_add(1, Ordering::Relaxed);
        Some(self.config.faults[(h % self.config.faults.len() as u64) as usize])
    }

    fn authorized(&self, headers: &HeaderMap) -> bool {
        let key = self.config.api_key.as_str();
        let header = |n: &str| headers.get(n).and_then(|v| v.to_str().ok());
        header("x-api-key") == Some(key)
            || header("authorization").and_then(|v| v.strip_prefix("Bearer ")) == Some(key)
    }
}

/// A fixed, well-spread hash of `x` (the same on every run).
fn mix(x: u64) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    x.hash(&mut h);
    h.finish()
}

/// A response whose body fails: the client sees the connection cut.
fn dropped() -> Response {
    let stream = futures_util::stream::once(async {
        Err::<Bytes, std::io::Error>(std::io::Error::other("connection dropped by the fake"))
    });
    (StatusCode::BAD_GATEWAY, Body::from_stream(stream)).into_response()
}

fn detail(status: StatusCode, text: &str) -> Response {
    (status, Json(json!({ "detail": text }))).into_response()
}

/// The prologue of every API endpoint, as a layer: the fault, then the key (`unauthorized` the
/// 401's detail), then the endpoint; a lost answer drops the endpoint's success, after the
/// contact was stored.
async fn gate(
    State((fake, unauthorized)): State<(Arc<Fake>, &'static str)>,
    request: Request,
    next: Next,
) -> Response {
    let fault = match fake.fault() {
        Some(Fault::Drop) => return dropped(),
        Some(Fault::ServerError) => {
            return detail(StatusCode::INTERNAL_SERVER_ERROR, "internal error")
        }
        Some(Fault::TooMany) => {
            return (
                StatusCode::TOO_MANY_REQUESTS,
                [("retry-after", fake.config.retry_after.to_string())],
                Json(json!({"detail": "rate limited"})),
            )
                .into_response()
        }
        Some(Fault::Slow) => {
            tokio::time::sleep(fake.config.slow).await;
            None
        }
        other => other,
    };
    if !fake.authorized(request.headers()) {
        return detail(StatusCode::UNAUTHORIZED, unauthorized);
    }
    let answer = next.run(request).await;
    if fault == Some(Fault::LostAnswer) && answer.status().is_success() {
        dropped()
    } else {
        answer
    }
}

fn text<'a>(body: &'a Value, name: &str) -> Option<&'a str> {
    body.get(name)
        .and_then(Value::as_str)
        .filter(|s| !s.trim().is_empty())
}

async fn contactship(State(fake): State<Arc<Fake>>, body: Bytes) -> Response {
    let Ok(body) = serde_json::from_slice::<Value>(&body) else {
        return detail(StatusCode::BAD_REQUEST, "body is not JSON");
    };
    let mut store = fake.store();
    store.received.push(body.clone());
    let (Some(phone), Some(_)) = (text(&body, "phone_number"), text(&body, "full_name")) else {
        return detail(
            StatusCode::BAD_REQUEST,
            "phone_number and full_name are required",
        );
    };
    let e164 = phone
        .strip_prefix('+')
        .is_some_and(|d| (2..=15).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit()));
    if !e164 {
        return detail(
            StatusCode::BAD_REQUEST,
            "phone_number must be in E.164 format",
        );
    }
    if store.contactship.contains_key(phone) {
        return detail(
            StatusCode::CONFLICT,
            "Contact with the same phone number already exists",
        );
    }
    let mut contact = body.clone();
    contact["id"] = Value::from(fake.id());
    contact["created_at"] = Value::from("2026-01-01T00:00:00Z");
    store.contactship.insert(phone.to_string(), contact.clone());
    store.stored += 1;
    drop(store);
    (StatusCode::CREATED, Json(contact)).into_response()
}

async fn create_import(State(fake): State<Arc<Fake>>, body: Bytes) -> Response {
    let body: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    if body.get("status").and_then(Value::as_str) != Some("processing") {
        return detail(StatusCode::BAD_REQUEST, "status must be processing");
    }
    let id = fake.id();
    let import =
        json!({"id": id, "status": "processing", "name": body.get("name"), "total_rows": null});
    fake.store().imports.insert(id, import.clone());
    (StatusCode::CREATED, Json(import)).into_response()
}

async fn complete_import(
    State(fake): State<Arc<Fake>>,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let body: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    let mut store = fake.store();
    let Some(import) = store.imports.get_mut(&id) else {
        return detail(StatusCode::NOT_FOUND, "import not found");
    };
    import["status"] = body.get("status").cloned().unwrap_or(Value::Null);
    import["total_rows"] = body.get("total_rows").cloned().unwrap_or(Value::Null);
    let answer = import.clone();
    drop(store);
    (StatusCode::OK, Json(answer)).into_response()
}

async fn link_campaign(
    State(fake): State<Arc<Fake>>,
    Path(campaign): Path<String>,
    body: Bytes,
) -> Response {
    let body: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    let Some(import) = text(&body, "import_id") else {
        return detail(StatusCode::BAD_REQUEST, "import_id is required");
    };
    let mut store = fake.store();
    if !store.imports.contains_key(import) {
        return detail(StatusCode::NOT_FOUND, "import not found");
    }
    let link = (campaign.clone(), import.to_string());
    if !store.links.contains(&link) {
        store.links.push(link);
    }
    drop(store);
    (
        StatusCode::CREATED,
        Json(json!({"campaign_id": campaign, "import_id": import})),
    )
        .into_response()
}

async fn sdr_contact(State(fake): State<Arc<Fake>>, headers: HeaderMap, body: Bytes) -> Response {
    let Ok(body) = serde_json::from_slice::<Value>(&body) else {
        return detail(StatusCode::BAD_REQUEST, "body is not JSON");
    };
    let import = headers
        .get("x-import-id")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let mut store = fake.store();
    store.received.push(body.clone());
    let (Some(_), Some(email), Some(_)) = (
        text(&body, "full_name"),
        text(&body, "email"),
        text(&body, "linkedin_profile"),
    ) else {
        return detail(
            StatusCode::BAD_REQUEST,
            "Validation error: full_name, email and linkedin_profile are required",
        );
    };
    match import.as_deref().map(|id| store.imports.get(id)) {
        Some(Some(i)) if i["status"] == "processing" => {}
        _ => {
            return detail(
                StatusCode::BAD_REQUEST,
                "X-Import-ID is not an import in progress",
            )
        }
    }
    let key = email.to_lowercase();
    if store.sdr.contains_key(&key) {
        return detail(
            StatusCode::CONFLICT,
            &format!("Contact with email '{email}' already exists"),
        );
    }
    let mut contact = body.clone();
    contact["id"] = Value::from(fake.id());
    contact["org_id"] = Value::from("123e4567-e89b-12d3-a456-426614174000");
    store.sdr.insert(key, (contact.clone(), import));
    store.stored += 1;
    drop(store);
    (StatusCode::CREATED, Json(contact)).into_response()
}

async fn state(State(fake): State<Arc<Fake>>) -> Json<Value> {
    let store = fake.store();
    Json(json!({
        "requests": fake.requests.load(Ordering::Relaxed),
        "faults": fake.faults.load(Ordering::Relaxed),
        "contactship": store.contactship.len(),
        "sdr": store.sdr.len(),
        "stored": store.stored,
        "received": store.received.len(),
    }))
}

/// The routes of both APIs.
pub fn router(fake: Arc<Fake>) -> Router {
    let contactship = Router::new()
        .route("/v1/contacts", post(contactship))
        .route_layer(from_fn_with_state(
            (fake.clone(), "Invalid or missing API key"),
            gate,
        ));
    let sdr_agent = Router::new()
        .route("/imports/", post(create_import))
        .route("/imports/{id}", put(complete_import))
        .route("/campaign-imports/{campaign}/imports", post(link_campaign))
        .route("/contacts/", post(sdr_contact))
        .route_layer(from_fn_with_state(
            (
                fake.clone(),
                "Invalid or missing authentication credentials",
            ),
            gate,
        ));
    Router::new()
        .merge(contactship)
        .merge(sdr_agent)
        .route("/_fake/state", axum::routing::get(state))
        .with_state(fake)
}

/// Starts a server on 127.0.0.1 (`port` 0 for any) on the current tokio runtime.
pub async fn start(config: Config, port: u16) -> (SocketAddr, Arc<Fake>) {
    let fake = Arc::new(Fake {
        config,
        store: Mutex::new(Store::default()),
        requests: AtomicU64::new(0),
        faults: AtomicU64::new(0),
        ids: AtomicU64::new(0),
    });
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port))
        .await
        .expect("bind 127.0.0.1");
    let addr = listener.local_addr().expect("local address");
    let app = router(fake.clone());
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    (addr, fake)
}
