<?php

declare(strict_types=1);

namespace Edurules;

/**
 * The loaded C library: the preloaded scope `EDURULES` when the server
 * preloads `edurules.ffi.h` (see README), else `FFI::cdef` on the library at
 * `$EDURULES_LIB` or on the system's search path.
 */
final class Library
{
    private static ?\FFI $ffi = null;

    /** The FFI instance, loaded once per process. */
    public static function get(?string $path = null): \FFI
    {
        if (self::$ffi !== null) {
            return self::$ffi;
        }
        if ($path === null) {
            try {
                return self::$ffi = \FFI::scope('EDURULES');
            } catch (\FFI\Exception) {
                // Not preloaded: load it now.
            }
        }
        $header = (string) file_get_contents(__DIR__ . '/../edurules.ffi.h');
        $header = (string) preg_replace('/^#define .*$/m', '', $header);
        $lib = $path ?? (getenv('EDURULES_LIB') ?: 'libedurules_ffi.so');
        return self::$ffi = \FFI::cdef($header, $lib);
    }

    /** The library's version, e.g. `0.1.0`. */
    public static function version(): string
    {
        // PHP converts a `const char *` result to a string itself.
        return (string) self::get()->edurules_version();
    }

    /** The protocol version. */
    public static function protocolVersion(): int
    {
        return self::get()->edurules_protocol_version();
    }
}
