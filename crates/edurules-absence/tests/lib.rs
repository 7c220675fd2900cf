//! Public-API tests of `edurules-absence`.
