"""The SitrepError hierarchy: messages say what to do, exit codes say what went wrong."""
from __future__ import annotations


class SitrepError(Exception):
    """Base of every error sitrep raises on purpose; `exit_code` is what the CLI returns."""

    exit_code = 1


class BadInputError(SitrepError):
    """The input cannot be analysed as given (empty, binary, too large, undecodable, no text)."""

    exit_code = 2


class MissingDataError(SitrepError):
    """A model, gazetteer or data table sitrep needs is not installed or not built."""

    exit_code = 3


class UnsafeURLError(BadInputError):
    """A URL points somewhere sitrep refuses to fetch (private, loopback, link-local, non-HTTP)."""


class StoreBusyError(SitrepError):
    """Another process holds the store's write lock; trying again later will work (exit code 4)."""

    exit_code = 4


class QueryTimeoutError(SitrepError):
    """A store query ran past its time limit and was stopped; narrow the filter or raise the limit (exit code 5)."""

    exit_code = 5
