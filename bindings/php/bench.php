<?php
// One call end to end from PHP (json_encode, FFI, the ABI, the engine,
// json_decode): `EDURULES_LIB=…/release/libedurules_ffi.so php bench.php`.
declare(strict_types=1);

require __DIR__ . '/src/EdurulesException.php';
require __DIR__ . '/src/Library.php';
require __DIR__ . '/src/Engine.php';

$engine = new Edurules\Engine(['preset' => 'poland-sio']);
$engine->call('delegation.open@1', ['registry' => 'sp7', 'events' => [['type' => 'appointment_recorded', 'on' => '2021-09-01',
    'appointment' => ['id' => 'p', 'person' => 'jkowalski', 'entity' => 'SP7-Opole', 'from' => '2021-09-01', 'until' => '2026-08-31']]]]);
$cases = [
    ['delegation.decide@1', ['registry' => 'sp7', 'person' => 'jkowalski', 'permission' => 'pupils:modify', 'entity' => 'SP7-Opole', 'at' => '2026-03-03']],
    ['deadline.submission@1', ['category' => 'art. 8 pkt 1 lit. d', 'change_date' => '2025-12-19']],
    ['password.check@1', ['password' => 'Kreda-Tablica-7']],
];
foreach ($cases as [$op, $request]) {
    $n = str_starts_with($op, 'password') ? 2000 : 50000;
    for ($i = 0; $i < $n / 10; $i++) {
        $engine->call($op, $request);
    }
    $t0 = hrtime(true);
    for ($i = 0; $i < $n; $i++) {
        $engine->call($op, $request);
    }
    $ns = (hrtime(true) - $t0) / $n;
    printf("php %s: %.2f µs per call (%d calls)\n", $op, $ns / 1000, $n);
}
