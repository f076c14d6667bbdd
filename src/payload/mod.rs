//! Whole contacts validated into the exact HTTP requests of contact-creation APIs.
