"""Commands of this area register on `app` here."""

from .base import app, command  # noqa: F401
