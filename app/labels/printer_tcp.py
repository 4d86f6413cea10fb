"""Raw TCP printing (port 9100, "JetDirect"): the way most networked label printers take ZPL.

Before a ZPL label the printer is asked for `~HS`. A Zebra answers within
a moment; an answer saying paper out, head open, ribbon out or paused
refuses the label before anything is sent, so the job is kept whole for
the retry. A printer that does not answer (most non-Zebra printers, and
some Zebras while their media is out) is "status unknown" and gets the
label anyway: it prints it or holds it until it can. Labels that are not
ZPL (a PDF to an office printer) are sent without the query, which such a
printer would print as text.

After the label the connection is half-closed and the printer's own close
awaited, as CUPS's socket backend does (`waiteof`): only then has the
printer read the whole label. A printer that takes the bytes but never
finishes times out with a clear error instead of counting as printed.
"""

from __future__ import annotations

import socket
import time

from app.labels.printer_status import (
    HOST_STATUS_QUERY,
    PrinterProblem,
    PrinterStatus,
    PrinterUnavailable,
    host_status_complete,
    parse_host_status,
)
from app.labels.printer_uri import PrinterAddress

#: How long a printer has to answer `~HS`: a Zebra answers in milliseconds,
#: and every label to a printer that never answers waits this long.
STATUS_WAIT = 0.5


def looks_like_zpl(data: bytes) -> bool:
    """Whether a job is ZPL, so the printer understands `~HS` (ZPL starts `^XA` or `~`)."""
    return data.lstrip()[:1] in (b"^", b"~")


class TcpPrinter:
    """A printer on the network taking raw jobs on a TCP port (9100)."""

    def __init__(self, address: PrinterAddress, *, status_wait: float = STATUS_WAIT) -> None:
        self.address = address
        self.status_wait = status_wait

    @property
    def uri(self) -> str:
        return self.address.uri

    def send(self, data: bytes, name: str) -> None:
        """Print one job; raises PrinterUnavailable when it could not be printed."""
        with self._connect() as conn:
            if self.address.ask_status and looks_like_zpl(data):
                refusal = self._host_status(conn).refusal()
                if refusal is not None:
                    raise refusal
            self._deliver(conn, data)

    def status(self) -> PrinterStatus:
        """Whether the printer can be reached and, when it answers `~HS`, what it reports."""
        try:
            conn = self._connect()
        except PrinterUnavailable as exc:
            return PrinterStatus(self.uri, reachable=False, detail=exc.detail)
        with conn:
            if not self.address.ask_status:
                return PrinterStatus(self.uri, reachable=True)
            try:
                return self._host_status(conn)
            except PrinterUnavailable as exc:
                return PrinterStatus(self.uri, reachable=False, detail=exc.detail)

    def _connect(self) -> socket.socket:
        where = (self.address.target, self.address.port)
        try:
            return socket.create_connection(where, timeout=self.address.timeout)
        except socket.gaierror as exc:
            raise self._failure(PrinterProblem.OFF, f"unknown host: {exc.strerror}") from exc
        except TimeoutError as exc:
            detail = f"no answer within {self.address.timeout:g} s"
            raise self._failure(PrinterProblem.OFF, detail) from exc
        except OSError as exc:
            raise self._failure(PrinterProblem.OFF, exc.strerror or str(exc)) from exc

    def _host_status(self, conn: socket.socket) -> PrinterStatus:
        try:
            conn.settimeout(self.address.timeout)
            conn.sendall(HOST_STATUS_QUERY)
        except OSError as exc:
            raise self._failure(PrinterProblem.OFF, exc.strerror or str(exc)) from exc
        reply = b""
        deadline = time.monotonic() + self.status_wait
        while not host_status_complete(reply):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            conn.settimeout(remaining)
            try:
                chunk = conn.recv(1024)
            except TimeoutError:
                break
            except OSError as exc:
                raise self._failure(PrinterProblem.OFF, exc.strerror or str(exc)) from exc
            if not chunk:
                break
            reply += chunk
        return parse_host_status(self.uri, reply)

    def _deliver(self, conn: socket.socket, data: bytes) -> None:
        seconds = self.address.timeout
        try:
            conn.settimeout(seconds)
            conn.sendall(data)
            if not self.address.wait_eof:
                return
            conn.shutdown(socket.SHUT_WR)
            deadline = time.monotonic() + seconds
            # Whatever the printer says now (a late ~HS answer) is read and let go.
            while conn.recv(4096):
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise TimeoutError
                conn.settimeout(remaining)
        except TimeoutError as exc:
            detail = f"the label was not taken within {seconds:g} s"
            raise self._failure(PrinterProblem.TIMED_OUT, detail) from exc
        except OSError as exc:
            detail = f"connection lost: {exc.strerror or exc}"
            raise self._failure(PrinterProblem.OFF, detail) from exc

    def _failure(self, problem: PrinterProblem, detail: str) -> PrinterUnavailable:
        return PrinterUnavailable(self.uri, problem, detail)
