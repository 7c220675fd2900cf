<?php
// Run with preload.php preloaded (see test.sh): the Engine uses the
// preloaded scope, with ffi.enable=preload (FFI::cdef is then not allowed
// outside preloading, so success proves the scope was used).
declare(strict_types=1);

$engine = new Edurules\Engine(['preset' => 'poland-sio', 'locale' => 'pl']);
$check = $engine->call('password.check@1', ['password' => 'Kreda-Tablica-7']);
$ok = $check['accepted'] === true;
echo 'php preloaded: ' . ($ok ? '1 passed, 0 failed' : '0 passed, 1 failed') . "\n";
exit($ok ? 0 : 1);
