"""Printer URIs, as a station's settings and `--printer` name them.

`tcp://HOST:9100`, `cups://QUEUE`, `device:///dev/usb/lp0`,
`serial:///dev/ttyUSB0?baud=9600`, `file:///some/folder`. A few options may
follow after `?`:

- every kind: `timeout=SECONDS` (how long a printer may take, default 5);
- tcp: `status=hs|off` (ask a Zebra for `~HS` before a ZPL label, default
  `hs`) and `waiteof=1|0` (wait for the printer to close the connection
  before the label counts as printed, default `1`, as CUPS's socket backend);
- serial: `baud=N` (default 9600) and `flow=xonxoff|rtscts|none` (default
  `xonxoff`, a Zebra's factory setting: the printer says when its buffer is full).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import NoReturn
from urllib.parse import SplitResult, parse_qsl, unquote, urlsplit

from app.core.errors import Refused

SCHEMES = ("tcp", "cups", "device", "serial", "file")
DEFAULT_TCP_PORT = 9100
DEFAULT_BAUD = 9600
DEFAULT_TIMEOUT = 5.0
FLOW_CONTROLS = ("xonxoff", "rtscts", "none")

_OPTIONS = {
    "tcp": {"timeout", "status", "waiteof"},
    "cups": {"timeout"},
    "device": {"timeout"},
    "serial": {"timeout", "baud", "flow"},
    "file": set(),
}
_EXAMPLES = (
    "tcp://HOST:9100, cups://QUEUE, device:///dev/usb/lp0, "
    "serial:///dev/ttyUSB0?baud=9600, file:///some/folder"
)


@dataclass(frozen=True, slots=True)
class PrinterAddress:
    """Where a printer is: `scheme` and `target` (host, queue, device or folder) and options."""

    uri: str
    scheme: str
    target: str
    port: int = 0
    timeout: float = DEFAULT_TIMEOUT
    baud: int = DEFAULT_BAUD
    ask_status: bool = True
    wait_eof: bool = True
    flow: str = "xonxoff"


def parse_printer_uri(uri: str) -> PrinterAddress:
    """The printer a URI names; a URI that names none is refused with what is wrong in it."""
    text = uri.strip()
    _check_characters(uri, text, "the URI")
    scheme, sep, _ = text.partition("://")
    if not sep or scheme.lower() not in SCHEMES:
        _refuse(uri, f"not a printer URI (use {_EXAMPLES})")
    scheme = scheme.lower()
    try:
        parts = urlsplit(text)
        port = parts.port if scheme == "tcp" else None
    except ValueError:
        _refuse(uri, "the port is not a number from 1 to 65535 (tcp://HOST:9100)")
    options = _options(uri, scheme, parts.query)
    if parts.fragment:
        _refuse(uri, f"unexpected #{parts.fragment}")
    timeout = _timeout(uri, options.get("timeout"))
    if scheme == "tcp":
        return _tcp(uri, parts, port, timeout, options)
    if scheme == "cups":
        queue = _unquoted(uri, parts.netloc + parts.path, "the queue name").strip("/")
        if not queue or any(c in queue for c in " /#\\"):
            _refuse(uri, "a CUPS queue name without spaces or slashes is needed (cups://QUEUE)")
        return PrinterAddress(uri, scheme, queue, timeout=timeout)
    path = _local_path(uri, scheme, parts)
    if scheme == "serial":
        return _serial(uri, path, timeout, options)
    return PrinterAddress(uri, scheme, path, timeout=timeout)


def _tcp(
    uri: str, parts: SplitResult, port: int | None, timeout: float, options: dict[str, str]
) -> PrinterAddress:
    if not parts.hostname:
        _refuse(uri, "no printer host (tcp://HOST:9100)")
    if parts.path not in ("", "/"):
        _refuse(uri, f"unexpected path {parts.path!r} after the host")
    return PrinterAddress(
        uri,
        "tcp",
        parts.hostname,
        port=port or DEFAULT_TCP_PORT,
        timeout=timeout,
        ask_status=_choice(uri, options, "status", {"hs": True, "off": False}, True),
        wait_eof=_choice(uri, options, "waiteof", {"1": True, "0": False}, True),
    )


def _local_path(uri: str, scheme: str, parts: SplitResult) -> str:
    """The path a device, serial or file URI names on this PC; serial may name a port
    (serial://COM3)."""
    path = _unquoted(uri, parts.path, "the path")
    if parts.netloc:
        if scheme == "serial" and not parts.path:
            return _unquoted(uri, parts.netloc, "the port")
        _refuse(uri, f"use three slashes before the path ({scheme}:///path)")
    if not path.startswith("/"):
        _refuse(uri, f"no path ({scheme}:///path)")
    return path


def _unquoted(uri: str, text: str, what: str) -> str:
    """`text` with its %-escapes read: a file name, a device or a queue this PC can open."""
    try:
        plain = unquote(text, errors="strict")
    except UnicodeDecodeError:
        _refuse(uri, f"{what} is not UTF-8 once its %-escapes are read")
    _check_characters(uri, plain, what)
    return plain


def _check_characters(uri: str, text: str, what: str) -> None:
    # No file, device or queue name holds one, and the operating system refuses a NUL.
    for char in text:
        if char < " " or char == "\x7f":
            _refuse(uri, f"control character U+{ord(char):04X} in {what}")


def _serial(uri: str, path: str, timeout: float, options: dict[str, str]) -> PrinterAddress:
    baud = options.get("baud", str(DEFAULT_BAUD))
    if not baud.isdigit() or int(baud) == 0:
        _refuse(uri, f"baud: {baud!r} is not a baud rate")
    flow = options.get("flow", "xonxoff").lower()
    if flow not in FLOW_CONTROLS:
        _refuse(uri, f"flow: {options['flow']!r} is not one of {', '.join(FLOW_CONTROLS)}")
    return PrinterAddress(uri, "serial", path, timeout=timeout, baud=int(baud), flow=flow)


def _options(uri: str, scheme: str, query: str) -> dict[str, str]:
    try:
        pairs = parse_qsl(query, keep_blank_values=True, strict_parsing=bool(query))
    except ValueError:
        _refuse(uri, f"cannot read the options {query!r}")
    options = dict(pairs)
    for name in options:
        if name not in _OPTIONS[scheme]:
            allowed = ", ".join(sorted(_OPTIONS[scheme])) or "none"
            _refuse(uri, f"unknown option {name!r} for {scheme}:// (options: {allowed})")
    return options


def _timeout(uri: str, text: str | None) -> float:
    if text is None:
        return DEFAULT_TIMEOUT
    try:
        seconds = float(text)
    except ValueError:
        seconds = math.nan
    if not (0 < seconds <= 600):
        _refuse(uri, f"timeout: {text!r} is not a number of seconds between 0 and 600")
    return seconds


def _choice(
    uri: str, options: dict[str, str], name: str, values: dict[str, bool], default: bool
) -> bool:
    if name not in options:
        return default
    value = options[name].lower()
    if value not in values:
        _refuse(uri, f"{name}: {options[name]!r} is not one of {', '.join(values)}")
    return values[value]


def _refuse(uri: str, problem: str) -> NoReturn:
    raise Refused(f"printer {uri!r}: {problem}")
