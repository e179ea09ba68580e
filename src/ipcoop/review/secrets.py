"""Passwords (argon2id), random tokens and their digests. Nothing secret is stored in clear."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_HASHER = PasswordHasher()
TOKEN_PREFIX = "ipc_"


def hash_password(password: str) -> str:
    """An argon2id hash of the password (salted, with its parameters)."""
    return _HASHER.hash(password)


def verify_password(stored: str, password: str) -> bool:
    """Whether the password matches the stored hash."""
    try:
        return _HASHER.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


def dummy_verify() -> None:
    """Spend the time of one verification (an unknown email costs as long as a wrong password)."""
    verify_password(_DUMMY, "not the password")


_DUMMY = _HASHER.hash(secrets.token_urlsafe(16))


def generate_password() -> str:
    """A password to hand to a new account's owner."""
    return secrets.token_urlsafe(15)


def generate_token() -> str:
    """A new API token: a recognizable prefix and 32 random bytes."""
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def digest(value: str) -> str:
    """The SHA-256 of a high-entropy random value (tokens, session keys): what is stored."""
    return hashlib.sha256(value.encode()).hexdigest()


def same(a: str, b: str) -> bool:
    """Constant-time comparison."""
    return hmac.compare_digest(a.encode(), b.encode())
