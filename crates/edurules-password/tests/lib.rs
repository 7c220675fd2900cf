//! Public-API tests of `edurules-password`.
