//! Public-API tests of `edurules-login`.
