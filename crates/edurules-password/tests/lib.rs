//! Public-API tests of `edurules-password`: one integration binary, one
//! module per topic.

#[cfg(test)]
mod check_table;
#[cfg(test)]
mod common;
#[cfg(test)]
mod hash_strict;
#[cfg(test)]
mod hashing;
#[cfg(test)]
mod history;
#[cfg(test)]
mod issue13;
#[cfg(test)]
mod messages;
#[cfg(test)]
mod properties;
#[cfg(test)]
mod rotation;
