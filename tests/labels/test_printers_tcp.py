"""Raw TCP printing against real listeners on 127.0.0.1: a Zebra, a plain printer, a hung one."""

from __future__ import annotations

import queue
import socket
import threading
from collections.abc import Iterator

import pytest

from app.labels.print_queue import PrintJob, run_job
from app.labels.printer_status import PrinterProblem, PrinterUnavailable
from app.labels.printer_tcp import TcpPrinter
from app.labels.printer_uri import parse_printer_uri
from app.labels.printers import open_printer

WAIT = 10.0  # seconds; only reached when something is broken
LABEL = b"^XA^CI28^FO50,50^A0N,40,40^FH^FD#1001 _E3_81_82^FS^XZ"

READY = (b"030,0,0,1218,000,0,0,0,000,0,0,0", b"001,0,0,0,1,2,6,0,00000000,1,000", b"1234,0")


def host_status(first: bytes = READY[0], second: bytes = READY[1]) -> bytes:
    """A Zebra's three-string `~HS` answer."""
    return b"".join(b"\x02" + s + b"\x03\r\n" for s in (first, second, READY[2]))


class Listener:
    """A printer's port 9100 on 127.0.0.1: each connection's bytes land in `jobs`.

    `answer` is what it says to `~HS` (None: it never answers); a `silent`
    listener accepts and then never reads, as a hung printer does.
    """

    def __init__(self, answer: bytes | None = None, *, silent: bool = False) -> None:
        self.answer = answer
        self.silent = silent
        self.jobs: queue.Queue[bytes] = queue.Queue()
        self._server = socket.create_server(("127.0.0.1", 0))
        # accept() wakes up now and then to notice close(): closing a socket does not wake it.
        self._server.settimeout(0.05)
        self._closed = threading.Event()
        self.port = self._server.getsockname()[1]
        self._held: list[socket.socket] = []
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def uri(self) -> str:
        return f"tcp://127.0.0.1:{self.port}"

    def next_job(self) -> bytes:
        return self.jobs.get(timeout=WAIT)

    def close(self) -> None:
        self._closed.set()
        self._thread.join(WAIT)
        self._server.close()
        for conn in self._held:
            conn.close()

    def _serve(self) -> None:
        while not self._closed.is_set():
            try:
                conn, _ = self._server.accept()
            except TimeoutError:
                continue
            conn.settimeout(WAIT)
            if self.silent:
                self._held.append(conn)
                continue
            with conn:
                received = b""
                answered = False
                while chunk := conn.recv(65536):
                    received += chunk
                    if self.answer is not None and not answered and b"~HS" in received:
                        conn.sendall(self.answer)
                        answered = True
                self.jobs.put(received)


@pytest.fixture
def zebra() -> Iterator[Listener]:
    listener = Listener(host_status())
    yield listener
    listener.close()


@pytest.fixture
def plain() -> Iterator[Listener]:
    listener = Listener()
    yield listener
    listener.close()


def closed_port() -> int:
    with socket.create_server(("127.0.0.1", 0)) as server:
        return int(server.getsockname()[1])


def quick(uri: str) -> TcpPrinter:
    """A TCP printer that waits only 0.2 s for `~HS`, as a test can afford."""
    return TcpPrinter(parse_printer_uri(uri), status_wait=0.2)


def test_a_ready_zebra_gets_the_status_query_then_exactly_the_label(zebra: Listener) -> None:
    open_printer(zebra.uri).send(LABEL, "#1001-1")
    assert zebra.next_job() == b"~HS" + LABEL


def test_without_the_status_query_the_printer_receives_exactly_the_label(plain: Listener) -> None:
    open_printer(plain.uri + "?status=off").send(LABEL, "#1001-1")
    assert plain.next_job() == LABEL


def test_a_pdf_is_sent_without_the_status_query(plain: Listener) -> None:
    pdf = b"%PDF-1.4\n" + bytes(range(256)) * 40 + b"%%EOF\n"
    open_printer(plain.uri).send(pdf, "#1001-1")
    assert plain.next_job() == pdf


def test_a_printer_that_does_not_answer_the_query_still_gets_the_label(plain: Listener) -> None:
    quick(plain.uri).send(LABEL, "#1001-1")
    assert plain.next_job() == b"~HS" + LABEL


@pytest.mark.parametrize(
    ("first", "second", "problem", "told"),
    [
        (b"030,1,0,1218,000,0,0,0,000,0,0,0", READY[1], PrinterProblem.PAPER_OUT, "out of labels"),
        (b"030,0,0,1218,000,0,0,0,000,0,0,0", b"001,0,1,0,1,2,6,0,00000000,1,000",
         PrinterProblem.HEAD_OPEN, "head is open"),
        (b"030,0,1,1218,000,0,0,0,000,0,0,0", READY[1], PrinterProblem.PAUSED, "paused"),
        (READY[0], b"001,0,0,1,1,2,6,0,00000000,1,000", PrinterProblem.RIBBON_OUT, "out of ribbon"),
        # Paper out pauses a Zebra too: the packer is told what to fix, not that it is paused.
        (b"030,1,1,1218,000,0,0,0,000,0,0,0", READY[1], PrinterProblem.PAPER_OUT, "out of labels"),
    ],
)  # fmt: skip
def test_a_zebra_reporting_a_problem_refuses_the_label_and_nothing_is_printed(
    first: bytes, second: bytes, problem: PrinterProblem, told: str
) -> None:
    listener = Listener(host_status(first, second))
    try:
        with pytest.raises(PrinterUnavailable) as refused:
            open_printer(listener.uri).send(LABEL, "#1001-1")
        assert refused.value.problem is problem
        assert told in str(refused.value)
        assert listener.uri in str(refused.value)
        assert "KCMD:REPRINT" in str(refused.value)
        assert listener.next_job() == b"~HS"  # the label itself never left the station
    finally:
        listener.close()


def test_a_closed_port_is_a_printer_that_is_off() -> None:
    uri = f"tcp://127.0.0.1:{closed_port()}"
    with pytest.raises(PrinterUnavailable) as refused:
        open_printer(uri).send(LABEL, "#1001-1")
    assert refused.value.problem is PrinterProblem.OFF
    assert str(refused.value).startswith("the printer is off or unreachable")
    assert "refused" in str(refused.value)  # the OS's words: "Connection refused"


def test_an_unknown_host_is_named() -> None:
    with pytest.raises(PrinterUnavailable) as refused:
        open_printer("tcp://no-such-printer.invalid:9100").send(LABEL, "#1001-1")
    assert refused.value.problem is PrinterProblem.OFF
    assert "unknown host" in str(refused.value)


def test_a_hung_printer_times_out_with_a_clear_error_and_the_job_is_kept() -> None:
    listener = Listener(silent=True)
    try:
        uri = listener.uri + "?timeout=0.5"
        with pytest.raises(PrinterUnavailable) as refused:
            quick(uri).send(LABEL, "#1001-1")
        assert refused.value.problem is PrinterProblem.TIMED_OUT
        assert "the label was not taken within 0.5 s" in str(refused.value)

        result = run_job(PrintJob(7, uri, LABEL, "#1001-1", attempts=2))
        assert (result.printed, result.retryable, result.attempts) == (False, True, 3)
        assert result.problem is PrinterProblem.TIMED_OUT
    finally:
        listener.close()


def test_status_of_a_zebra_with_paper_out() -> None:
    listener = Listener(host_status(b"030,1,1,1218,000,0,0,0,000,0,0,0"))
    try:
        status = open_printer(listener.uri).status()
        assert (status.reachable, status.known, status.ready) == (True, True, False)
        assert status.problems == (PrinterProblem.PAPER_OUT, PrinterProblem.PAUSED)
        assert "out of labels" in status.message
    finally:
        listener.close()


def test_status_of_a_ready_zebra_a_plain_printer_and_a_closed_port(
    zebra: Listener, plain: Listener
) -> None:
    ready = open_printer(zebra.uri).status()
    assert (ready.ready, ready.known, ready.message) == (True, True, "ready")

    unknown = quick(plain.uri).status()
    assert (unknown.ready, unknown.known) == (True, False)
    assert "does not report its state" in unknown.message

    off = open_printer(f"tcp://127.0.0.1:{closed_port()}").status()
    assert (off.reachable, off.ready) == (False, False)
    assert off.message.startswith("the printer is off or unreachable")
