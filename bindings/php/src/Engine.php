<?php

declare(strict_types=1);

namespace Edurules;

/**
 * An engine: a configuration validated once and reused by every call.
 *
 *     $engine = new Engine(['preset' => 'poland-sio', 'locale' => 'pl']);
 *     $check = $engine->call('password.check@1', ['password' => 'nowak']);
 *
 * Freed when the object is destroyed (or by close()).
 */
final class Engine
{
    private \FFI $ffi;
    private ?\FFI\CData $engine;

    /**
     * @param array<string, mixed> $options exactly one of `preset`, `toml`, `json`; optionally `locale`
     * @throws EdurulesException when the configuration is unknown or invalid
     */
    public function __construct(array $options = ['preset' => 'poland-sio'])
    {
        $this->ffi = Library::get();
        $json = self::encode($options);
        $error = $this->ffi->new('char*');
        $engine = $this->ffi->edurules_engine_new($json, strlen($json), \FFI::addr($error));
        if ($engine === null) {
            $text = \FFI::string($error);
            $this->ffi->edurules_free($error);
            throw new EdurulesException(json_decode($text, true, 512, JSON_THROW_ON_ERROR));
        }
        $this->engine = $engine;
    }

    /**
     * The envelope of an operation.
     *
     * @param array<string, mixed>|string $request an array (encoded as a JSON object) or raw JSON text
     * @return array<string, mixed>
     */
    public function callEnvelope(string $operation, array|string $request = []): array
    {
        $body = is_string($request) ? $request : self::encode($request);
        return json_decode($this->callJson($operation, $body), true, 512, JSON_THROW_ON_ERROR);
    }

    /** The envelope's JSON text for a request's JSON text (no decoding on either side). */
    public function callJson(string $operation, string $request): string
    {
        if ($this->engine === null) {
            throw new \LogicException('the engine is closed');
        }
        $len = $this->ffi->new('size_t');
        $answer = $this->ffi->edurules_call($this->engine, $operation, strlen($operation), $request, strlen($request), \FFI::addr($len));
        try {
            return \FFI::string($answer, $len->cdata);
        } finally {
            $this->ffi->edurules_free($answer);
        }
    }

    /**
     * The result of an operation.
     *
     * @param array<string, mixed>|string $request
     * @return array<string, mixed>
     * @throws EdurulesException on a failure envelope, carrying its code
     */
    public function call(string $operation, array|string $request = []): array
    {
        $envelope = $this->callEnvelope($operation, $request);
        if (($envelope['status'] ?? '') !== 'success') {
            throw new EdurulesException($envelope);
        }
        return $envelope['result'];
    }

    /** Frees the engine; later calls throw. */
    public function close(): void
    {
        if ($this->engine !== null) {
            $this->ffi->edurules_engine_free($this->engine);
            $this->engine = null;
        }
    }

    public function __destruct()
    {
        $this->close();
    }

    /**
     * An engine cannot be cloned: the clone would share the native engine, and the first of
     * the two to be destroyed would free it under the other (use after free, double free).
     */
    private function __clone()
    {
    }

    /** @param array<string, mixed> $value */
    private static function encode(array $value): string
    {
        // An empty PHP array is a JSON object here: requests are objects.
        return $value === [] ? '{}' : json_encode($value, JSON_THROW_ON_ERROR | JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES | JSON_PRESERVE_ZERO_FRACTION);
    }
}
