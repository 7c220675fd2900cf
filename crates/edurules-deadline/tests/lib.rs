//! Public-API tests of `edurules-deadline`.
