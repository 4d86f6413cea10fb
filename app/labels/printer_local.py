"""Printers reached through this PC: a CUPS queue, a device file, a serial port, a folder."""

from __future__ import annotations

import os
import re
import select
import stat
import subprocess
import tempfile
import time
from pathlib import Path

import serial

from app.core.errors import Refused
from app.labels.printer_status import PrinterProblem, PrinterStatus, PrinterUnavailable
from app.labels.printer_tcp import looks_like_zpl
from app.labels.printer_uri import PrinterAddress


class _AddressedPrinter:
    """A printer known by its parsed URI."""

    def __init__(self, address: PrinterAddress) -> None:
        self.address = address

    @property
    def uri(self) -> str:
        return self.address.uri


class CupsPrinter(_AddressedPrinter):
    """A CUPS queue, sent raw (`lp -o raw`) so ZPL reaches the printer untouched."""

    def command(self, name: str) -> list[str]:
        """The `lp` command line that prints one job named `name` from standard input."""
        return ["lp", "-d", self.address.target, "-o", "raw", "-t", name or "label", "-"]

    def send(self, data: bytes, name: str) -> None:
        """Hand the job to CUPS; raises PrinterUnavailable when CUPS does not take it."""
        self._run(self.command(name), data)

    def status(self) -> PrinterStatus:
        """Whether the queue exists and is enabled (CUPS cannot tell paper or head)."""
        try:
            said = self._run(["lpstat", "-p", self.address.target], b"")
        except PrinterUnavailable as exc:
            return PrinterStatus(self.uri, reachable=False, detail=exc.detail)
        if " disabled" in said:
            return PrinterStatus(self.uri, True, problems=(PrinterProblem.PAUSED,), detail=said)
        return PrinterStatus(self.uri, reachable=True, detail=said)

    def _run(self, command: list[str], data: bytes) -> str:
        try:
            done = subprocess.run(
                command, input=data, capture_output=True, timeout=self.address.timeout, check=False
            )
        except FileNotFoundError as exc:
            detail = f"the {command[0]} command of CUPS is not installed on this PC"
            raise PrinterUnavailable(self.uri, PrinterProblem.NO_QUEUE, detail) from exc
        except subprocess.TimeoutExpired as exc:
            detail = f"CUPS did not answer within {self.address.timeout:g} s"
            raise PrinterUnavailable(self.uri, PrinterProblem.TIMED_OUT, detail) from exc
        said = (done.stderr or done.stdout).decode(errors="replace").strip()
        if done.returncode != 0:
            lowered = said.lower()
            if "does not exist" in lowered or "unknown destination" in lowered:
                problem = PrinterProblem.NO_QUEUE
            elif "not accepting" in lowered:
                problem = PrinterProblem.PAUSED
            else:
                problem = PrinterProblem.FAILED
            raise PrinterUnavailable(self.uri, problem, said or f"exit status {done.returncode}")
        return done.stdout.decode(errors="replace").strip()


class DevicePrinter(_AddressedPrinter):
    """A printer's device file (`/dev/usb/lp0`): opened, written, closed for each job."""

    def send(self, data: bytes, name: str) -> None:
        """Write the job to the device; a stalled printer times out instead of hanging."""
        path = self.address.target
        # Non-blocking, so a printer that stops taking data cannot hang the print worker;
        # never O_CREAT: a missing device must not become a file in /dev.
        flags = (
            os.O_WRONLY | os.O_APPEND | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_NONBLOCK", 0)
        )
        try:
            fd = os.open(path, flags)
        except FileNotFoundError as exc:
            detail = f"no device {path} (unplugged or switched off)"
            raise PrinterUnavailable(self.uri, PrinterProblem.OFF, detail) from exc
        except PermissionError as exc:
            detail = f"no permission to write to {path}"
            raise PrinterUnavailable(self.uri, PrinterProblem.NOT_ALLOWED, detail) from exc
        except IsADirectoryError as exc:
            raise PrinterUnavailable(
                self.uri, PrinterProblem.NOT_ALLOWED, not_a_device(path)
            ) from exc
        except OSError as exc:
            raise PrinterUnavailable(self.uri, PrinterProblem.OFF, exc.strerror or "") from exc
        try:
            # What was opened, not what the path named a moment before: a label appended to
            # a text file or pushed into a pipe is a label lost.
            if not stat.S_ISCHR(os.fstat(fd).st_mode):
                raise PrinterUnavailable(self.uri, PrinterProblem.NOT_ALLOWED, not_a_device(path))
            self._write_all(fd, data)
        finally:
            os.close(fd)

    def status(self) -> PrinterStatus:
        """Whether the device is there and writable (a device file reports nothing more)."""
        path = self.address.target
        if not os.path.exists(path):
            return PrinterStatus(self.uri, reachable=False, detail=f"no device {path}")
        if not is_device(path):
            return PrinterStatus(self.uri, reachable=False, detail=not_a_device(path))
        if not os.access(path, os.W_OK):
            detail = f"no permission to write to {path}"
            return PrinterStatus(
                self.uri, True, problems=(PrinterProblem.NOT_ALLOWED,), detail=detail
            )
        return PrinterStatus(self.uri, reachable=True)

    def _write_all(self, fd: int, data: bytes) -> None:
        deadline = time.monotonic() + self.address.timeout
        view = memoryview(data)
        while view:
            remaining = deadline - time.monotonic()
            _, writable, _ = select.select([], [fd], [], max(remaining, 0))
            if not writable:
                detail = f"the printer took no data for {self.address.timeout:g} s"
                raise PrinterUnavailable(self.uri, PrinterProblem.TIMED_OUT, detail)
            try:
                view = view[os.write(fd, view) :]
            except BlockingIOError:
                continue
            except OSError as exc:
                raise PrinterUnavailable(self.uri, PrinterProblem.OFF, exc.strerror or "") from exc


def is_device(path: str) -> bool:
    """True when `path` is a character device (a printer's port), or is not there at all
    (a printer unplugged); False for a file, folder or pipe."""
    try:
        return stat.S_ISCHR(os.stat(path).st_mode)
    except FileNotFoundError:
        return True
    except OSError:
        return False


def check_on_this_pc(address: PrinterAddress) -> None:
    """Refuse a device URI naming a file, folder or pipe: checked when a station's printer is
    set, so a label is never appended to a file that is no printer."""
    if address.scheme == "device" and not is_device(address.target):
        raise Refused(f"printer {address.uri!r}: {not_a_device(address.target)}")


def not_a_device(path: str) -> str:
    """What a device printer says of a path that is no printer's device."""
    return f"{path} is not a printer's device (a character device such as /dev/usb/lp0)"


class SerialPrinter(_AddressedPrinter):
    """A printer on a serial port, at the URI's baud rate and flow control."""

    def send(self, data: bytes, name: str) -> None:
        """Write the job to the port; a printer holding flow control times out."""
        seconds = self.address.timeout
        try:
            port = serial.Serial(
                self.address.target,
                self.address.baud,
                timeout=seconds,
                write_timeout=seconds,
                xonxoff=self.address.flow == "xonxoff",
                rtscts=self.address.flow == "rtscts",
            )
        except (serial.SerialException, OSError) as exc:
            detail = f"cannot use {self.address.target}: {_reason(exc)}"
            raise PrinterUnavailable(self.uri, PrinterProblem.OFF, detail) from exc
        try:
            port.write(data)
            # Not flush(): tcdrain() waits for ever on a printer that said XOFF.
            deadline = time.monotonic() + seconds
            while port.out_waiting:
                if time.monotonic() > deadline:
                    raise serial.SerialTimeoutException("output not drained")
                time.sleep(0.01)
        except serial.SerialTimeoutException as exc:
            # Dropped, so that closing the port does not wait for the stuck bytes either.
            port.reset_output_buffer()
            detail = f"the printer took no data for {seconds:g} s"
            raise PrinterUnavailable(self.uri, PrinterProblem.TIMED_OUT, detail) from exc
        except (serial.SerialException, OSError) as exc:
            detail = f"connection lost on {self.address.target}: {_reason(exc)}"
            raise PrinterUnavailable(self.uri, PrinterProblem.OFF, detail) from exc
        finally:
            port.close()

    def status(self) -> PrinterStatus:
        """Whether the port can be opened (a serial printer reports nothing more)."""
        try:
            serial.Serial(self.address.target, self.address.baud).close()
        except (serial.SerialException, OSError) as exc:
            return PrinterStatus(self.uri, reachable=False, detail=_reason(exc))
        return PrinterStatus(self.uri, reachable=True)


class FolderPrinter(_AddressedPrinter):
    """A folder that takes each label as a file (for a hot folder, an archive or a test)."""

    def send(self, data: bytes, name: str) -> None:
        """Write the job as `NAME.zpl` / `.pdf` / `.prn`, never over an existing file."""
        folder = self._folder()
        stem, extension = file_stem(name), file_extension(data)
        # Written under a hidden name first, then linked into place: a program
        # watching the folder never picks up half a label, and link() never overwrites.
        try:
            with tempfile.NamedTemporaryFile(dir=folder, prefix=".", delete=False) as part:
                part.write(data)
            try:
                for number in range(1, 10_000):
                    target = folder / f"{stem}{'' if number == 1 else f'-{number}'}{extension}"
                    try:
                        os.link(part.name, target)
                        return
                    except FileExistsError:
                        continue
            finally:
                os.unlink(part.name)
        except OSError as exc:
            detail = f"cannot write to {folder}: {exc.strerror or exc}"
            raise PrinterUnavailable(self.uri, PrinterProblem.NOT_ALLOWED, detail) from exc
        raise PrinterUnavailable(self.uri, PrinterProblem.FAILED, f"too many {stem} files")

    def status(self) -> PrinterStatus:
        """Whether the folder exists (or can be made) and is writable."""
        try:
            folder = self._folder()
        except PrinterUnavailable as exc:
            return PrinterStatus(self.uri, reachable=False, detail=exc.detail)
        if not os.access(folder, os.W_OK):
            return PrinterStatus(self.uri, reachable=False, detail=f"cannot write to {folder}")
        return PrinterStatus(self.uri, reachable=True)

    def _folder(self) -> Path:
        folder = Path(self.address.target)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            detail = f"cannot create the folder {folder}: {exc.strerror or exc}"
            raise PrinterUnavailable(self.uri, PrinterProblem.NOT_ALLOWED, detail) from exc
        return folder


def file_stem(name: str) -> str:
    """A job name made safe as a file name: letters (any script), digits, `-`, `_`, `.`."""
    stem = re.sub(r"[^\w.-]+", "_", name).strip("._")[:100]
    return stem or "label"


def file_extension(data: bytes) -> str:
    """`.pdf` for a PDF, `.zpl` for ZPL, `.prn` for anything else."""
    if data.startswith(b"%PDF"):
        return ".pdf"
    return ".zpl" if looks_like_zpl(data) else ".prn"


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc)
