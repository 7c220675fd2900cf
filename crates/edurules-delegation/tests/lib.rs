//! Public-API tests of `edurules-delegation`.
