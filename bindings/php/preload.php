<?php
// Preloading for a web server (PHP-FPM, mod_php): the library's declarations
// and the classes are loaded once at server start, so requests pay no
// FFI::cdef. In php.ini:
//
//   ffi.enable = preload
//   ffi.preload = /path/to/bindings/php/edurules.ffi.h
//   opcache.enable = 1
//   opcache.preload = /path/to/bindings/php/preload.php
//   opcache.preload_user = www-data
//
// with FFI_LIB in edurules.ffi.h set to the library's absolute path (or the
// library on the system's search path). Requests use `new Edurules\Engine()`
// as usual; it finds the preloaded scope "EDURULES". Without ffi.preload (a
// server not started as root, no preload_user), this file loads the header
// itself.
declare(strict_types=1);

try {
    FFI::scope('EDURULES');
} catch (FFI\Exception) {
    FFI::load(__DIR__ . '/edurules.ffi.h');
}
require_once __DIR__ . '/src/EdurulesException.php';
require_once __DIR__ . '/src/Library.php';
require_once __DIR__ . '/src/Engine.php';
