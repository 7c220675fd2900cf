<?php

declare(strict_types=1);

namespace Edurules;

/**
 * A failure envelope as an exception: the stable code (`getErrorCode()`),
 * the message in the engine's locale, and the details.
 */
final class EdurulesException extends \RuntimeException
{
    /** @param array<string, mixed> $envelope */
    public function __construct(private readonly array $envelope)
    {
        parent::__construct((string) ($envelope['error']['message'] ?? 'edurules failure'));
    }

    /** The stable code, e.g. `deadline.unknown_category`. */
    public function getErrorCode(): string
    {
        return (string) ($this->envelope['error']['code'] ?? 'ffi.internal');
    }

    /** @return list<array<string, mixed>> One entry per problem (path, rule, legal basis). */
    public function getDetails(): array
    {
        return $this->envelope['error']['details'] ?? [];
    }

    /** @return array<string, mixed> The failure envelope. */
    public function getEnvelope(): array
    {
        return $this->envelope;
    }
}
