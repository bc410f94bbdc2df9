"""ResusError: a failed C call, with its status and the library's message."""
from __future__ import annotations

from typing import Any, Callable

from ._lib import ffi, lib, text


class ResusError(Exception):
    """A call into libresus failed.

    Attributes:
        status: the ``resus_status`` value (e.g. 1 for ``RESUS_ERR_INVALID_ARGUMENT``).
        status_name: its name (``"invalid_argument"``).
        message: the library's message, which names the field, the value and the valid range.
    """

    def __init__(self, status: int, message: str) -> None:
        self.status = int(status)
        self.status_name = text(lib.resus_enum_name(lib.RESUS_ENUM_STATUS, self.status)) or str(status)
        self.message = message or text(lib.resus_status_string(self.status))
        super().__init__(f"{self.message} [{self.status_name}]")


def thread_error() -> Any:
    """The message of the last failed handle-less call on this thread."""
    return lib.resus_last_error(ffi.NULL)


def check(status: int, last_error: Callable[[], Any] = thread_error) -> None:
    """Raises ResusError unless `status` is RESUS_OK; `last_error` returns the C message."""
    if status != lib.RESUS_OK:
        raise ResusError(status, text(last_error()))
