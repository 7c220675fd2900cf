<?php
// The PHP binding's tests: the conformance suite (bindings/conformance) and
// the example. Prints "N passed, N failed"; exits 1 on any failure.
declare(strict_types=1);

require __DIR__ . '/../src/EdurulesException.php';
require __DIR__ . '/../src/Library.php';
require __DIR__ . '/../src/Engine.php';

use Edurules\EdurulesException;
use Edurules\Engine;
use Edurules\Library;

/** Whether $actual has everything $expected has (arrays: same length). */
function matches(mixed $expected, mixed $actual): bool
{
    if ($expected instanceof stdClass) {
        if (!$actual instanceof stdClass) {
            return false;
        }
        foreach (get_object_vars($expected) as $k => $v) {
            if (!property_exists($actual, (string) $k) || !matches($v, $actual->{$k})) {
                return false;
            }
        }
        return true;
    }
    if (is_array($expected)) {
        if (!is_array($actual) || count($expected) !== count($actual)) {
            return false;
        }
        foreach ($expected as $i => $v) {
            if (!matches($v, $actual[$i])) {
                return false;
            }
        }
        return true;
    }
    return $expected === $actual;
}

$passed = 0;
$failed = 0;
function check(bool $ok, string $name, string $got = ''): void
{
    global $passed, $failed;
    if ($ok) {
        $passed++;
    } else {
        $failed++;
        fwrite(STDERR, "FAIL $name: $got\n");
    }
}

check(Library::protocolVersion() === 1, 'protocol version');
check(preg_match('/^\d+\.\d+\.\d+/', Library::version()) === 1, 'library version');

$dir = __DIR__ . '/../../conformance';
$files = glob("$dir/*.json");
sort($files);
foreach ($files as $file) {
    $suite = json_decode((string) file_get_contents($file), false, 512, JSON_THROW_ON_ERROR);
    foreach ($suite->cases as $case) {
        $name = basename($file) . ': ' . $case->name;
        try {
            $engine = new Engine(json_decode(json_encode($case->engine), true));
        } catch (EdurulesException $e) {
            $actual = json_decode(json_encode($e->getEnvelope()));
            check(matches($case->expect, $actual), $name, json_encode($actual));
            continue;
        }
        foreach ($case->setup ?? [] as $step) {
            $setup = $engine->callJson($step->operation, json_encode($step->request, JSON_UNESCAPED_UNICODE));
            check((json_decode($setup, false)->status ?? '') === 'success', "$name: setup {$step->operation}", $setup);
        }
        $request = isset($case->request_text) ? $case->request_text : json_encode($case->request, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES);
        $request = str_replace('{conformance}', (string) realpath($dir), $request);
        $text = $engine->callJson($case->operation ?? $suite->operation, $request);
        check(matches($case->expect, json_decode($text, false)), $name, $text);
        $engine->close();
    }
}

// The example: poland-sio, a password, a delegation, a deadline.
$engine = new Engine(['preset' => 'poland-sio', 'locale' => 'pl']);
$check = $engine->call('password.check@1', ['password' => 'nowak']);
check($check['accepted'] === false && $check['violations'][0]['code'] === 'password.too_short', 'example: password');
$engine->call('delegation.open@1', ['registry' => 'sp7', 'events' => [[
    'type' => 'appointment_recorded', 'on' => '2021-09-01',
    'appointment' => ['id' => 'powierzenie-2021', 'person' => 'jkowalski', 'entity' => 'SP7-Opole', 'from' => '2021-09-01', 'until' => '2026-08-31'],
]]]);
$d = $engine->call('delegation.decide@1', ['registry' => 'sp7', 'person' => 'jkowalski', 'permission' => 'pupils:modify', 'entity' => 'SP7-Opole', 'at' => '2026-03-03']);
check($d['allowed'] === true, 'example: delegation');
$due = $engine->call('deadline.submission@1', ['category' => 'art. 8 pkt 1 lit. d', 'change_date' => '2025-12-19']);
check($due['due_date'] === '2025-12-29', 'example: deadline');
try {
    $engine->call('deadline.submission@1', ['category' => 'art. 99', 'change_date' => '2025-01-10']);
    check(false, 'example: exception');
} catch (EdurulesException $e) {
    check($e->getErrorCode() === 'deadline.unknown_category', 'example: exception carries the code', $e->getErrorCode());
}

// An engine cannot be cloned (the clone would free the native engine under the original).
try {
    $copy = clone $engine;
    check(false, 'clone is refused');
} catch (\Error $e) {
    check(str_contains($e->getMessage(), '__clone'), 'clone is refused', $e->getMessage());
}
check($engine->call('password.check@1', ['password' => 'nowak'])['accepted'] === false, 'the original still works after a refused clone');

echo "php: $passed passed, $failed failed\n";
exit($failed === 0 ? 0 : 1);
